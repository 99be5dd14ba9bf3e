/** The printable page of hand-written notes: who, where, when to post, and the text to copy. */
import { escapeHtml } from '@kitajs/html';
import type { NoteToWrite, PlannedFollowUp } from '../../services/followup.service.js';
import { Lines, OptionalRow } from '../components/text.js';
import { Layout, toHtml, type LayoutUser } from '../shared/layout.js';
import { PAGE_PATH } from './paths.js';

export function renderNotesPage(props: {
  planned: PlannedFollowUp;
  notes: readonly NoteToWrite[];
  demo: boolean;
  user?: LayoutUser | null;
}): string {
  const { input } = props.planned;
  return toHtml(
    <Layout
      title="Notes to write by hand"
      demo={props.demo}
      user={props.user}
      current={PAGE_PATH}
      noindex
    >
      <h1 class="page-title">Notes to write by hand</h1>
      <p class="lede">
        After the {escapeHtml(input.role)} interview at {escapeHtml(input.employer.name)}.
      </p>
      <p class="print-hide">
        Print this page, or copy each note onto a card in your own hand. Post each one first class
        by its time. Your browser’s Back button returns to your plan.
      </p>
      {props.notes.length === 0 ? <p>This plan has no hand-written notes.</p> : ''}
      {props.notes.map((note) => (
        <article class="card section">
          <h2>To {escapeHtml(note.recipient)}</h2>
          {note.title ? <p class="muted">{escapeHtml(note.title)}</p> : ''}
          {note.address.length > 0 ? (
            <address class="section">
              <Lines text={note.address.join('\n')} />
            </address>
          ) : (
            <p class="muted">No postal address was given: add it before posting.</p>
          )}
          <dl class="summary-list">
            <OptionalRow
              term="Post by"
              value={note.postBy === undefined ? undefined : `${note.postBy}, first class`}
            />
            <OptionalRow term="Likely to arrive" value={note.arrivesBy} />
          </dl>
          <div class="prose">
            {note.body.split(/\n{2,}/).map((paragraph) => (
              <p>
                <Lines text={paragraph} />
              </p>
            ))}
          </div>
        </article>
      ))}
    </Layout>,
  );
}
