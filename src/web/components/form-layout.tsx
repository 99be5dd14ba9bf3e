/** How a long form is laid out: titled sections whose headings nest, and its default button. */
import { escapeHtml, type Children } from '@kitajs/html';

/** A heading at a level that depends on where the form sits (h2 alone, h3 under another h2). */
export function Heading(props: { level: number; id?: string; children: Children }) {
  if (props.level <= 2) return <h2 id={props.id}>{props.children}</h2>;
  if (props.level === 3) return <h3 id={props.id}>{props.children}</h3>;
  return <h4 id={props.id}>{props.children}</h4>;
}

/** A titled group of a form's fields, its title a heading at the form's level. */
export function FormSection(props: { level: number; title: string; children: Children }) {
  return (
    <fieldset class="fieldset section">
      <legend class="legend">
        <Heading level={props.level}>{escapeHtml(props.title)}</Heading>
      </legend>
      {props.children}
    </fieldset>
  );
}

/**
 * A submit button first in the form, for the Enter key: browsers submit with the first button,
 * which would otherwise be "Add another ..." or a download.
 */
export function DefaultButton(props: { value: string; label: string }) {
  return (
    <button
      type="submit"
      name="action"
      value={props.value}
      class="visually-hidden"
      tabindex="-1"
      aria-hidden="true"
    >
      {escapeHtml(props.label)}
    </button>
  );
}
