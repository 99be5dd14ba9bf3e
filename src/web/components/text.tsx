/** Text shown as it was given. */
import { escapeHtml } from '@kitajs/html';

/** Text typed by a visitor, with its line breaks kept. */
export function Lines(props: { text: string }) {
  return props.text
    .split(/\r\n?|\n/)
    .map((line) => escapeHtml(line))
    .join('<br />');
}

/**
 * A row of a summary list (`<dl class="summary-list">`) shown only when it has a value:
 * `<OptionalRow term="Post by" value={note.postBy} />`; the value is escaped.
 */
export function OptionalRow(props: { term: string; value: string | undefined }) {
  if (props.value === undefined) return '';
  return (
    <>
      <dt>{escapeHtml(props.term)}</dt>
      <dd>{escapeHtml(props.value)}</dd>
    </>
  );
}
