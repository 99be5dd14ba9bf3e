/** Reading the pages' query strings and form bodies, whose values may come repeated. */

/** The first value given for a field, or '' when there is no text. */
export function single(raw: unknown): string {
  const v = Array.isArray(raw) ? (raw[0] as unknown) : raw;
  return typeof v === 'string' ? v : '';
}

/** Who the visitor is on agency pages: looking for a job, or looking to hire staff. */
export type Purpose = 'job' | 'staff';

export function readPurpose(raw: unknown): Purpose | null {
  const v = single(raw);
  return v === 'job' || v === 'staff' ? v : null;
}
