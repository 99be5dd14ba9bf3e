/** The follow-up page with the form only: first visit, "add another interviewer", or errors. */
import { escapeHtml } from '@kitajs/html';
import { ErrorSummary, Layout, toHtml, type LayoutUser } from '../shared/layout.js';
import { DetailsForm, summaryOf } from './details-form.js';
import type { FollowUpForm, FormError } from './followup-form.js';
import { PAGE_PATH } from './paths.js';

const TITLE = 'Plan your interview follow-up';

export function renderFormPage(props: {
  form: FollowUpForm;
  errors: readonly FormError[];
  demo: boolean;
  user?: LayoutUser | null;
}): string {
  return toHtml(
    <Layout
      title={props.errors.length > 0 ? `Error: ${TITLE}` : TITLE}
      demo={props.demo}
      user={props.user}
      current={PAGE_PATH}
    >
      <h1 class="page-title">{escapeHtml(TITLE)}</h1>
      <p class="lede">
        Tell us about one interview and get a plan: a thank-you to each person at the right time and
        by the right channel, one polite check-in, drafts to edit, and a calendar file. No account
        needed, and nothing you type is kept.
      </p>
      <ErrorSummary errors={summaryOf(props.errors)} />
      <DetailsForm
        form={props.form}
        errors={props.errors}
        submitLabel="Make my plan"
        level={2}
        livePreview
      />
    </Layout>,
  );
}
