/** Reading the pages' query strings and form bodies, whose values may come repeated. */
import { firstValue } from '../../domain/validation/text.js';

/** The first value given for a field, or '' when there is no text. */
export function single(raw: unknown): string {
  return firstValue(raw) ?? '';
}

/** Who the visitor is on agency pages: looking for a job, or looking to hire staff. */
export type Purpose = 'job' | 'staff';

export function readPurpose(raw: unknown): Purpose | null {
  const v = single(raw);
  return v === 'job' || v === 'staff' ? v : null;
}
