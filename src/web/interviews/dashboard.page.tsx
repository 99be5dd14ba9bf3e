/**
 * /interviews: what is overdue, due today and coming up across all interviews, then the
 * interviews.
 */
import { escapeHtml } from '@kitajs/html';
import type { InterviewSummary } from '../../services/interviews/interviews.service.js';
import type { AgendaItem } from '../../services/interviews/progress.js';
import { AccountLayout, TitledSection } from '../account/page-kit.js';
import type { LayoutUser } from '../shared/layout.js';
import { OUTCOME_LABELS, moment } from './display.js';
import { SECTION, interviewPath } from './paths.js';

function AgendaList(props: { title: string; id: string; items: readonly AgendaItem[] }) {
  return (
    <section class="section" aria-labelledby={props.id}>
      <h2 id={props.id}>
        {escapeHtml(props.title)} ({props.items.length})
      </h2>
      {props.items.length === 0 ? (
        <p class="muted">Nothing.</p>
      ) : (
        <ul class="card-list">
          {props.items.map((item) => (
            <li class="card">
              <p class="card-title">
                <a
                  href={`${interviewPath(item.interviewId)}#step-${encodeURIComponent(item.stepId)}`}
                >
                  {escapeHtml(item.title)}
                </a>
              </p>
              <p class="card-meta">
                {escapeHtml(`${item.role} at ${item.employer}`)}: send{' '}
                {escapeHtml(moment(item.sendAt, item.timeZone))}, by{' '}
                {escapeHtml(moment(item.due, item.timeZone))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function DashboardPage(props: {
  demo: boolean;
  user?: LayoutUser | null;
  agenda: Record<'overdue' | 'today' | 'upcoming', AgendaItem[]>;
  interviews: InterviewSummary[];
}): JSX.Element {
  return (
    <AccountLayout title="Your interviews" demo={props.demo} user={props.user} current={SECTION}>
      <h1 class="page-title">Your interviews</h1>
      <div class="button-row">
        <a class="button" href={`${SECTION}/new`}>
          Add an interview
        </a>
      </div>
      <AgendaList title="Overdue" id="overdue" items={props.agenda.overdue} />
      <AgendaList title="Due today" id="today" items={props.agenda.today} />
      <AgendaList title="Coming up" id="upcoming" items={props.agenda.upcoming} />
      <TitledSection id="all" title="All interviews">
        {props.interviews.length === 0 ? (
          <p>
            No interviews yet. <a href={`${SECTION}/new`}>Add your first one</a>.
          </p>
        ) : (
          <ul class="card-list">
            {props.interviews.map((interview) => (
              <li class="card">
                <p class="card-title">
                  <a href={interviewPath(interview.id)}>
                    {escapeHtml(`${interview.role} at ${interview.employer}`)}
                  </a>
                </p>
                <p class="card-meta">
                  {escapeHtml(moment(interview.startsAt, interview.timeZone))} ·{' '}
                  {escapeHtml(OUTCOME_LABELS[interview.outcome])} ·{' '}
                  {escapeHtml(
                    interview.nextStep ? `Next: ${interview.nextStep.title}` : 'Nothing left to do',
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </TitledSection>
    </AccountLayout>
  );
}
