/** The Email Agency form's fields: read from the posted body as typed, to give them back. */
import type { Problem } from '../../domain/errors.js';
import { single } from '../shared/form-values.js';

/** What was typed into the form, as strings, to give it back unchanged. */
export interface EnquiryFormValues {
  audience: string;
  branchId: string;
  name: string;
  email: string;
  phone: string;
  company: string;
  jobTitle: string;
  employmentType: string;
  message: string;
  consent: boolean;
}

export const EMPTY_VALUES: EnquiryFormValues = {
  audience: '',
  branchId: '',
  name: '',
  email: '',
  phone: '',
  company: '',
  jobTitle: '',
  employmentType: '',
  message: '',
  consent: false,
};

/** Field -> message; the first problem of each field. */
export type FieldMessages = Partial<Record<string, string>>;

export function readValues(body: unknown): EnquiryFormValues {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const text = (key: string) => single(b[key]);
  return {
    audience: text('audience'),
    branchId: text('branchId'),
    name: text('name'),
    email: text('email'),
    phone: text('phone'),
    company: text('company'),
    jobTitle: text('jobTitle'),
    employmentType: text('employmentType'),
    message: text('message'),
    consent: ['yes', 'on', 'true', '1'].includes(text('consent')),
  };
}

export function messagesOf(problems: readonly Problem[]): FieldMessages {
  const messages: FieldMessages = {};
  for (const p of problems) {
    const field = p.field ?? 'message';
    messages[field] ??= p.message;
  }
  return messages;
}
