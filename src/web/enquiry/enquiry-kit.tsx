/** What the Email Agency pages share: their addresses, the error summary and the office choice. */
import { escapeHtml } from '@kitajs/html';
import type { Branch, Listing } from '../../domain/directory/directory.js';
import type { Audience } from '../../domain/enquiry/enquiry.js';
import { agencyPath, officeText } from '../shared/agency-links.js';
import type { Purpose } from '../shared/form-values.js';
import { FieldError, fieldErrorId, formGroupClass, type SummaryError } from '../shared/layout.js';
import type { FieldMessages } from './enquiry-form-values.js';

export function audienceOfPurpose(purpose: Purpose | null): Audience | null {
  return purpose === 'job' ? 'candidate' : purpose === 'staff' ? 'employer' : null;
}

export function purposeOfAudience(audience: Audience): Purpose {
  return audience === 'candidate' ? 'job' : 'staff';
}

export function emailPath(slug: string): string {
  return `${agencyPath(slug)}/email`;
}

const FIELD_ORDER = [
  'audience',
  'purpose',
  'branchId',
  'branch',
  'company',
  'name',
  'jobTitle',
  'email',
  'phone',
  'employmentType',
  'message',
  'file',
  'consent',
];

export function summaryOf(
  errors: FieldMessages,
  fieldIds: Record<string, string> = {},
): SummaryError[] {
  const fields = Object.keys(errors).sort(
    (a, b) => (FIELD_ORDER.indexOf(a) + 1 || 99) - (FIELD_ORDER.indexOf(b) + 1 || 99),
  );
  return fields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ fieldId: fieldIds[field] ?? field, message }] : [];
  });
}

/** The offices of a listing that take emails from anyone. */
export function listContactableBranches(listing: Listing): Branch[] {
  return listing.branches.filter((b) => b.candidateEmail !== null || b.employerEmail !== null);
}

function branchNote(branch: Branch): string | null {
  if (!branch.candidateEmail) return 'Takes emails from employers only';
  if (!branch.employerEmail) return 'Takes emails from job seekers only';
  return null;
}

export function BranchChoice(props: {
  name: string;
  branches: Branch[];
  selected: string;
  error: string | undefined;
  legend: string;
}) {
  const fieldId = props.name;
  return (
    <div class={formGroupClass(props.error)}>
      <fieldset class="fieldset" aria-describedby={props.error ? fieldErrorId(fieldId) : undefined}>
        <legend class="legend">{escapeHtml(props.legend)}</legend>
        <FieldError fieldId={fieldId} message={props.error} />
        <div class="radios checkboxes-stacked">
          {props.branches.map((b, i) => {
            const id = i === 0 ? fieldId : `${fieldId}-${i + 1}`;
            const note = branchNote(b);
            return (
              <label class="radio" for={id}>
                <input
                  type="radio"
                  id={id}
                  name={props.name}
                  value={b.id}
                  checked={props.selected === b.id}
                />
                <span>
                  {escapeHtml(officeText(b))}
                  {note ? (
                    <>
                      {' '}
                      <span class="muted">({escapeHtml(note)})</span>
                    </>
                  ) : (
                    ''
                  )}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
