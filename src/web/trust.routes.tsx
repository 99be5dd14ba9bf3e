/**
 * The pages a site that takes CVs and accounts owes its users: /privacy (the privacy notice, with
 * how long each thing is kept read from the settings), /terms and /contact (the operator's details
 * the Electronic Commerce Regulations 2002 ask for). All are built from the operator's settings
 * (OPERATOR_*); the demo installation says that it is one.
 */
import { escapeHtml } from '@kitajs/html';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_RETENTION, DEMO_OPERATOR } from '../domain/site/operator.js';
import { Layout, toHtml, type PageChrome } from './shared/layout.js';
import { pageChrome, type PageDeps, type SiteDetails } from './shared/page-context.js';

const ICO_COMPLAINTS = 'https://ico.org.uk/make-a-complaint/';

export function registerTrustPages(app: FastifyInstance, deps: PageDeps): void {
  const site: SiteDetails = deps.site ?? {
    operator: DEMO_OPERATOR,
    retention: DEFAULT_RETENTION,
  };
  app.get('/privacy', { schema: { hide: true } }, (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderPrivacy(pageChrome(deps, reply), site)),
  );
  app.get('/terms', { schema: { hide: true } }, (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderTerms(pageChrome(deps, reply), site)),
  );
  app.get('/contact', { schema: { hide: true } }, (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderContact(pageChrome(deps, reply), site)),
  );
}

const days = (count: number): string => (count === 1 ? '1 day' : `${count} days`);

/** The operator's details as a list: name, address, email, company number. */
function OperatorDetailsList({ site }: { site: SiteDetails }): JSX.Element {
  const { operator } = site;
  return (
    <dl class="summary-list">
      <dt>Name</dt>
      <dd safe>{operator.name}</dd>
      <dt>Address</dt>
      <dd safe>{operator.address}</dd>
      <dt>Email</dt>
      <dd>
        <a href={`mailto:${operator.email}`} safe>
          {operator.email}
        </a>
      </dd>
      {operator.companyNumber ? (
        <>
          <dt>Company number</dt>
          <dd safe>{operator.companyNumber}</dd>
        </>
      ) : (
        ''
      )}
    </dl>
  );
}

function DemoOperatorNotice({ site }: { site: SiteDetails }): JSX.Element {
  return site.operator.demo ? (
    <div class="notice notice-info">
      <p>
        This is a demonstration installation of Shortlist. Whoever runs it for real sets their own
        name, address, email and company number here (see the README&apos;s configuration), and the
        example address below reaches nobody.
      </p>
    </div>
  ) : (
    ''
  );
}

function renderPrivacy(page: PageChrome, site: SiteDetails): string {
  const { retention, operator } = site;
  return toHtml(
    <Layout
      title="Privacy notice"
      {...page}
      current="/privacy"
      description="Who keeps what about you on Shortlist, why, for how long, and your rights."
    >
      <article class="prose">
        <h1 class="page-title">Privacy notice</h1>
        <p class="lede">
          What Shortlist keeps about you, why, who sees it, how long it is kept, and how to get it
          back or have it deleted.
        </p>
        <DemoOperatorNotice site={site} />

        <h2>Who is responsible</h2>
        <p>
          The controller of your personal data is the operator of this site. Write to them about
          anything in this notice:
        </p>
        <OperatorDetailsList site={site} />

        <h2>What is kept, and why</h2>
        <ul>
          <li>
            <strong>Searches</strong> are not kept. Our logs record the method and path of each
            request, never what you typed.
          </li>
          <li>
            <strong>Favourites</strong> live in a cookie in your own browser, or in your account
            when you are signed in. Lawful basis: our legitimate interest in giving you the list you
            asked us to keep.
          </li>
          <li>
            <strong>Your account</strong>: your email address and a scrambled form of your password
            (we cannot read it), and your sign-in sessions. Lawful basis: the contract between us,
            to provide the account you opened.
          </li>
          <li>
            <strong>Saved interviews</strong>: the details, notes and drafts you enter, and what you
            mark as done. Lawful basis: the contract, to provide the planner you use.
          </li>
          <li>
            <strong>An interview waiting to be saved</strong>: when you choose &quot;Save this
            interview to your account&quot; before signing in, what you typed is kept on our server
            for 30 minutes so that it is not lost while you sign in or create an account, then
            deleted as soon as it is saved or the time is up. Lawful basis: our legitimate interest
            in not losing your work.
          </li>
          <li>
            <strong>Messages to agencies</strong> (Email Agency): your name, email address, phone
            number and company if you give them, your message, and any CV or job specification you
            attach. Lawful basis: steps you ask us to take, sending your message; for a CV, your
            consent, given by ticking the box, which you may withdraw at any time.
          </li>
          <li>
            <strong>Revealed numbers and websites</strong> are counted for the agency&apos;s
            statistics, with a company name only if you give one. We never ask who you are to show a
            number.
          </li>
          <li>
            <strong>Abuse limits</strong>: the number of sign-in attempts and messages from each
            internet address and email address over a short time, to stop people guessing passwords
            or sending spam. Lawful basis: our legitimate interest in keeping accounts safe.
          </li>
        </ul>

        <h2>Who receives it</h2>
        <p>
          A message you send through Email Agency, and anything attached to it, goes to the agency
          you chose, and only to that agency. The email service that carries our mail handles it on
          our behalf. Nobody else receives your data: we do not sell it, show advertising, or load
          anything from other websites.
        </p>

        <h2>How long it is kept</h2>
        <ul>
          <li>
            A CV or job specification sent to an agency:{' '}
            {escapeHtml(days(retention.attachmentDays))}, then deleted from our server (the
            agency&apos;s copy is theirs to keep or delete).
          </li>
          <li>
            A message to an agency: {escapeHtml(days(retention.enquiryDays))}, then your name, email
            address, phone number, company and message are erased from our records; the date, the
            agency and whether it was delivered are kept.
          </li>
          <li>
            A sign-in session: until you sign out, or after{' '}
            {escapeHtml(days(retention.sessionIdleDays))} without use.
          </li>
          <li>A password reset link: one hour, and it works once.</li>
          <li>An interview waiting to be saved: 30 minutes at most.</li>
          <li>Abuse-limit counts: until their short time window ends.</li>
          <li>
            Your account, its saved interviews and its favourites: until you delete the account,
            which deletes them at once.
          </li>
        </ul>

        <h2>Cookies</h2>
        <p>
          Shortlist uses only cookies that are strictly necessary for what you ask it to do, so it
          does not ask for your consent to cookies and shows no cookie banner. They are:
        </p>
        <ul>
          <li>
            <code>shortlist_session</code>: keeps you signed in.
          </li>
          <li>
            <code>shortlist_csrf</code>: proves that a form was sent from this site.
          </li>
          <li>
            <code>shortlist_favourites</code>: your favourites while you are not signed in.
          </li>
          <li>
            <code>shortlist_followup_save</code>, <code>shortlist_reset_next</code> and{' '}
            <code>shortlist_account_flash</code>: remember, for a few minutes, an interview waiting
            to be saved, where to go back to after a password reset, and a new token to show you
            once.
          </li>
        </ul>

        <h2>Your rights</h2>
        <p>
          You can ask for a copy of your data, have it corrected or deleted, object to how it is
          used, or restrict it, and withdraw any consent you gave. Signed in, you can do the most
          common of these yourself on <a href="/account">your account page</a>: download all your
          data as one file, change your email address, or delete the account and everything in it.
          For anything else, email{' '}
          <a href={`mailto:${operator.email}`} safe>
            {operator.email}
          </a>
          ; we answer within one month.
        </p>

        <h2>Complaints</h2>
        <p>
          If you are unhappy with how your data is handled, please tell us first. You may also
          complain to the Information Commissioner&apos;s Office, the UK&apos;s data protection
          regulator, at <a href={ICO_COMPLAINTS}>ico.org.uk/make-a-complaint</a>.
        </p>
      </article>
    </Layout>,
  );
}

function renderTerms(page: PageChrome, site: SiteDetails): string {
  return toHtml(
    <Layout
      title="Terms of use"
      {...page}
      current="/terms"
      description="The terms on which you may use Shortlist."
    >
      <article class="prose">
        <h1 class="page-title">Terms of use</h1>
        <p class="lede">
          Shortlist is free to use. By using it you agree to these terms; please read them with the{' '}
          <a href="/privacy">privacy notice</a>.
        </p>
        <DemoOperatorNotice site={site} />

        <h2>What Shortlist does</h2>
        <p>
          Shortlist lists recruitment agencies and helps you contact them, and helps job seekers
          plan how to follow up their interviews. We do not employ, recruit or place anyone, and we
          are not party to anything you agree with an agency or an employer.
        </p>

        <h2>The listings</h2>
        <p>
          Agencies&apos; details are shown as they were given to us. We work to keep them accurate,
          but cannot promise that every agency still covers the sectors and places listed, or will
          answer your message. &quot;Verified&quot; means only the check that its explanation
          describes. When the directory is demo data, every agency in it is fictional, and the site
          says so on every page.
        </p>

        <h2>Using it fairly</h2>
        <ul>
          <li>Send agencies only genuine enquiries, and only your own CV.</li>
          <li>Do not copy the directory in bulk, or try to get round the limits that stop spam.</li>
          <li>Keep your password to yourself; you are responsible for what your account does.</li>
        </ul>

        <h2>Follow-up plans and drafts</h2>
        <p>
          Plans and drafts are suggestions. Read every draft before you send it: you decide what
          goes out under your name.
        </p>

        <h2>Liability</h2>
        <p>
          We provide Shortlist with reasonable care and skill. We are not responsible for what
          agencies or employers do, or for losses we could not reasonably foresee. Nothing in these
          terms limits liability that the law does not allow to be limited.
        </p>

        <h2>Law</h2>
        <p>
          These terms are governed by the law of England and Wales. If you live in Scotland or
          Northern Ireland you may also bring proceedings there.
        </p>

        <h2>Who we are</h2>
        <OperatorDetailsList site={site} />
        <p>
          <a href="/contact">How to contact us</a>
        </p>
      </article>
    </Layout>,
  );
}

function renderContact(page: PageChrome, site: SiteDetails): string {
  return toHtml(
    <Layout
      title="Contact"
      {...page}
      current="/contact"
      description="Who runs this Shortlist and how to reach them."
    >
      <article class="prose">
        <h1 class="page-title">Contact</h1>
        <p class="lede">Who runs this Shortlist, and how to reach them.</p>
        <DemoOperatorNotice site={site} />
        <OperatorDetailsList site={site} />
        <h2>Questions about an agency</h2>
        <p>
          We do not pass messages to agencies by hand. Use &quot;Email Agency&quot; on the
          agency&apos;s page, or the telephone number shown there.
        </p>
        <h2>Your data</h2>
        <p>
          See the <a href="/privacy">privacy notice</a> for what we keep and your rights.
        </p>
      </article>
    </Layout>,
  );
}
