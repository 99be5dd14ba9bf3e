/** How the notes typed in the form read in the drafts: on the plan pages, public and saved. */
import { escapeHtml } from '@kitajs/html';
import { listNotePreviews, type FollowUpInput } from '../../domain/followup/index.js';

/** A readable name for a note's field ("What you liked", "About Anna Clarke"). */
function describeNoteField(field: string, input: FollowUpInput): string {
  if (field === 'notes.liked') return 'What you liked';
  if (field === 'notes.fit') return 'Why you would fit';
  const question = /^notes\.questions\[(\d+)\]$/.exec(field);
  if (question) return `Question ${Number(question[1]) + 1}`;
  const interviewer = /^interviewers\[(\d+)\]\.notes$/.exec(field);
  const name = interviewer ? input.interviewers[Number(interviewer[1])]?.name : undefined;
  return name ? `About ${name}` : field;
}

/** Each note and the sentence it becomes in the drafts (or its gap, or why it is left out). */
export function NotePreviewSection(props: { input: FollowUpInput }) {
  const previews = listNotePreviews(props.input);
  if (previews.length === 0) return '';
  return (
    <section class="section" aria-labelledby="note-preview-title">
      <h2 id="note-preview-title">How your notes will read</h2>
      <p class="hint">
        Each note becomes a sentence in the drafts. A gap marked "[Finish this: …]" is yours to
        write before you send; a note about pay or a complaint is left out.
      </p>
      <dl class="note-previews">
        {previews.map((preview) => (
          <>
            <dt>
              {escapeHtml(describeNoteField(preview.field, props.input))}: "
              {escapeHtml(preview.note)}"
            </dt>
            <dd class={`note-preview note-preview-${preview.status}`}>
              {escapeHtml(preview.text)}
            </dd>
          </>
        ))}
      </dl>
    </section>
  );
}
