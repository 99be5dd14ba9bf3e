/** The pages around the Email Agency form: step 1, a listing without email, and the confirmation. */
import { escapeHtml, type Children } from '@kitajs/html';
import type { Branch, Listing } from '../../domain/directory/directory.js';
import { AUDIENCES, type EnquiryStatus } from '../../domain/enquiry/enquiry.js';
import { AgencyBreadcrumbs, agencyPath } from '../shared/agency-links.js';
import type { Purpose } from '../shared/form-values.js';
import {
  ErrorSummary,
  FieldError,
  Layout,
  fieldErrorId,
  formGroupClass,
  toHtml,
  type LayoutUser,
  type PageChrome,
  type SummaryError,
} from '../shared/layout.js';
import type { FieldMessages } from './enquiry-form-values.js';
import { BranchChoice, emailPath, purposeOfAudience, summaryOf } from './enquiry-kit.js';

/** A step of the Email Agency form: the breadcrumbs, the error summary, then its title. */
export function EnquiryStepLayout(props: {
  chrome: { demo: boolean; user?: LayoutUser | null | undefined };
  listing: Listing;
  title: string;
  errors: readonly SummaryError[];
  children: Children;
}): JSX.Element {
  return (
    <Layout
      title={props.errors.length > 0 ? `Error: ${props.title}` : props.title}
      demo={props.chrome.demo}
      user={props.chrome.user}
      noindex
    >
      <AgencyBreadcrumbs listing={props.listing} here="Email Agency" />
      <ErrorSummary errors={props.errors} />
      <h1 class="page-title">{escapeHtml(props.title)}</h1>
      {props.children}
    </Layout>
  );
}

interface ChooseStepProps {
  demo: boolean;
  user?: LayoutUser | null;
  listing: Listing;
  branches: Branch[];
  purpose: Purpose | null;
  branchId: string;
  errors: FieldMessages;
}

/** Step 1: "I am looking for a job" / "I am looking to hire staff", and the office. */
export function renderChooseStep(props: ChooseStepProps): string {
  const { listing, errors } = props;
  const title = `Email ${listing.name}`;
  return toHtml(
    <EnquiryStepLayout chrome={props} listing={listing} title={title} errors={summaryOf(errors)}>
      <form method="get" action={emailPath(listing.slug)} class="panel prose" novalidate>
        <input type="hidden" name="step" value="1" />
        <div class={formGroupClass(errors.purpose)}>
          <fieldset
            class="fieldset"
            aria-describedby={errors.purpose ? fieldErrorId('purpose') : undefined}
          >
            <legend class="legend">Who are you?</legend>
            <FieldError fieldId="purpose" message={errors.purpose} />
            <div class="radios checkboxes-stacked">
              {AUDIENCES.map((a, i) => {
                const purpose = purposeOfAudience(a.value);
                const id = i === 0 ? 'purpose' : `purpose-${purpose}`;
                return (
                  <label class="radio" for={id}>
                    <input
                      type="radio"
                      id={id}
                      name="purpose"
                      value={purpose}
                      checked={props.purpose === purpose}
                    />
                    {escapeHtml(a.label)}
                  </label>
                );
              })}
            </div>
          </fieldset>
        </div>
        {props.branches.length > 1 ? (
          <BranchChoice
            name="branch"
            branches={props.branches}
            selected={props.branchId}
            error={errors.branch}
            legend="Which office do you want to email?"
          />
        ) : (
          ''
        )}
        <div class="form-actions">
          <button type="submit" class="button">
            Continue
          </button>
          <a href={agencyPath(listing.slug)}>Back to {escapeHtml(listing.name)}</a>
        </div>
      </form>
    </EnquiryStepLayout>,
  );
}

/** A listing none of whose offices takes email. */
export function renderNoEmail(props: PageChrome & { listing: Listing }): string {
  const { listing } = props;
  const title = `Email ${listing.name}`;
  return toHtml(
    <Layout title={title} demo={props.demo} user={props.user} noindex>
      <AgencyBreadcrumbs listing={listing} here="Email Agency" />
      <h1 class="page-title">{escapeHtml(title)}</h1>
      <p class="lede">
        {escapeHtml(listing.name)} has no email address listed, so it cannot be emailed through
        Shortlist.
      </p>
      <p>
        <a href={agencyPath(listing.slug)}>
          See {escapeHtml(listing.name)}'s telephone numbers and website
        </a>
      </p>
    </Layout>,
  );
}

/** The confirmation: sent, or queued while delivery is retried (or, in the end, failed). */
export function renderSentPage(props: {
  demo: boolean;
  user?: LayoutUser | null;
  listing: { slug: string; name: string } | null;
  agencyName: string;
  status: EnquiryStatus;
}): string {
  const { agencyName, status } = props;
  const sent = status === 'sent';
  const failed = status === 'failed';
  const heading = sent
    ? `Your message has been sent to ${agencyName}`
    : failed
      ? `Your message to ${agencyName} could not be delivered`
      : `Your message to ${agencyName} is queued`;
  return toHtml(
    <Layout
      title={sent ? 'Message sent' : failed ? 'Message not delivered' : 'Message queued'}
      demo={props.demo}
      user={props.user}
      noindex
    >
      <div
        class={
          sent ? 'notice notice-success' : failed ? 'notice notice-warning' : 'notice notice-info'
        }
        role="status"
      >
        <h1 class="page-title">{escapeHtml(heading)}</h1>
      </div>
      <p class="lede">
        {sent
          ? 'The agency replies to you directly, by email or telephone.'
          : failed
            ? "We tried to deliver it several times over two days, but the agency's mail server did not accept it. You could telephone the agency instead."
            : "The agency's mail server could not be reached just now. Your message is stored safely and we keep trying to send it for up to two days: you do not need to send it again."}
      </p>
      <ul>
        {props.listing ? (
          <li>
            <a href={agencyPath(props.listing.slug)}>Back to {escapeHtml(props.listing.name)}</a>
          </li>
        ) : (
          ''
        )}
        <li>
          <a href="/">Search for more agencies</a>
        </li>
      </ul>
    </Layout>,
  );
}
