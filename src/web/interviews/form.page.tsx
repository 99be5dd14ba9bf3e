/**
 * /interviews/new and /interviews/{id}/edit: the follow-up page's form, with the agency and the
 * outcome.
 */
import { escapeHtml } from '@kitajs/html';
import type { InterviewOutcome } from '../../domain/followup/interview-progress.js';
import type { InterviewView } from '../../services/interviews/interviews.service.js';
import { AccountLayout, InputField } from '../account/page-kit.js';
import { FormSection } from '../components/form-layout.js';
import { DetailsForm, summaryOf } from '../followup/details-form.js';
import { fieldId, type FollowUpForm, type FormError } from '../followup/followup-form.js';
import { toHtml, type LayoutUser } from '../shared/layout.js';
import { OutcomeSelect } from './display.js';
import { SECTION, interviewPath } from './paths.js';

export function FormPage(props: {
  demo: boolean;
  user?: LayoutUser | null;
  csrf: string;
  form: FollowUpForm;
  errors: readonly FormError[];
  agency: string;
  outcome: InterviewOutcome;
  editing: InterviewView | null;
}): JSX.Element {
  const title = props.editing ? 'Edit the interview' : 'Add an interview';
  const agencyError = props.errors.find((e) => e.field === 'agency')?.message;
  const summary = summaryOf(props.errors, (field) =>
    field === 'agency' ? 'agency' : fieldId(field),
  );
  const extra = (
    <FormSection level={2} title="Agency and outcome">
      <InputField
        id="agency"
        name="agency"
        label="The agency that put you forward (optional)"
        hint="Its name as listed on Shortlist, such as Acme Driving, or the address of its page."
        value={props.agency}
        error={agencyError}
      />
      <OutcomeSelect value={props.outcome} id="outcome" />
    </FormSection>
  );
  return (
    <AccountLayout
      title={title}
      demo={props.demo}
      user={props.user}
      current={SECTION}
      errors={summary}
    >
      <h1 class="page-title">{escapeHtml(title)}</h1>
      <p class="lede">
        {props.editing
          ? 'Changing the details makes a new plan from now; steps you marked stay marked when the new plan has them.'
          : 'Tell us about the interview: we plan the follow-up, and keep it with your account.'}
      </p>
      <DetailsForm
        form={props.form}
        errors={props.errors.filter((error) => error.field !== 'agency')}
        submitLabel={props.editing ? 'Save the changes' : 'Save and plan'}
        level={2}
        action={props.editing ? `${interviewPath(props.editing.id)}/edit` : `${SECTION}/new`}
        hidden={[['_csrf', props.csrf]]}
        extra={toHtml(extra)}
      />
    </AccountLayout>
  );
}
