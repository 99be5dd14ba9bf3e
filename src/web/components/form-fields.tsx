/**
 * The controls of a server-rendered form, each with its label, hint and error: a text input, a
 * text area, a select, a fieldset of radios, and a single checkbox or radio. They know nothing of
 * where the values come from; the caller gives each its id, name, value and error. Everything
 * typed is escaped: text with escapeHtml, attribute values with `attr`.
 */
import { escapeHtml, type Children } from '@kitajs/html';
import { FieldError, fieldAria, fieldErrorId } from '../shared/layout.js';

/**
 * An attribute value escaped in full: Kita escapes only quotes in attributes, so "&amp;" typed
 * in a field would otherwise come back as "&".
 */
export function attr(value: string): string {
  return escapeHtml(value);
}

function hintIdOf(id: string): string {
  return `${id}-hint`;
}

function groupClass(error: string | undefined): string {
  return error ? 'form-group form-group-error' : 'form-group';
}

function Hint(props: { id: string; hint?: string | undefined }) {
  return props.hint ? (
    <p class="hint" id={hintIdOf(props.id)}>
      {escapeHtml(props.hint)}
    </p>
  ) : (
    ''
  );
}

/** What every labelled control takes. */
interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/** A control (`children`) under its label, hint and error, in a group marked when in error. */
export function Field(props: FieldProps & { children: Children }) {
  return (
    <div class={groupClass(props.error)}>
      <label class="label" for={props.id}>
        {escapeHtml(props.label)}
      </label>
      <Hint id={props.id} hint={props.hint} />
      <FieldError fieldId={props.id} message={props.error} />
      {props.children}
    </div>
  );
}

/** aria-invalid and aria-describedby of a control in a Field: its hint, then `more`, its error. */
function controlAria(props: FieldProps, ...more: (string | undefined)[]) {
  return fieldAria(props.id, props.error, props.hint ? hintIdOf(props.id) : null, ...more);
}

interface ControlProps extends FieldProps {
  name: string;
  value: string;
}

export function TextInput(
  props: ControlProps & {
    type?: 'text' | 'email' | 'date' | 'datetime-local' | undefined;
    autocomplete?: string | undefined;
    list?: string | undefined;
  },
) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <input
        class="input"
        type={props.type ?? 'text'}
        id={props.id}
        name={props.name}
        value={attr(props.value)}
        autocomplete={props.autocomplete}
        list={props.list}
        spellcheck={props.type === 'email' ? 'false' : undefined}
        {...controlAria(props)}
      />
    </Field>
  );
}

export function TextArea(
  props: ControlProps & {
    rows: number;
    /** Another element that describes the text, after the hint (the findings of a draft). */
    describedBy?: string | undefined;
    /** data-* attributes for site.js. */
    data?: Readonly<Record<`data-${string}`, string>> | undefined;
  },
) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <textarea
        class="textarea"
        id={props.id}
        name={props.name}
        rows={String(props.rows)}
        {...controlAria(props, props.describedBy)}
        {...(props.data ?? {})}
      >
        {/* A newline first: the parser drops one after <textarea>, so a typed one survives. */}
        {'\n' + escapeHtml(props.value)}
      </textarea>
    </Field>
  );
}

export interface Choice {
  value: string;
  label: string;
  /** Shown after the label of a radio. */
  hint?: string;
}

/** A select of `choices`; a value that is not one of them is kept as an extra choice. */
export function Select(props: ControlProps & { choices: readonly Choice[] }) {
  const choices = props.choices.some((choice) => choice.value === props.value)
    ? props.choices
    : [...props.choices, { value: props.value, label: props.value }];
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <select class="select" id={props.id} name={props.name} {...controlAria(props)}>
        {choices.map((choice) => (
          <option value={attr(choice.value)} selected={choice.value === props.value}>
            {escapeHtml(choice.label)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * A fieldset of radios, the label its legend; the first radio has `id` (where the error
 * summary's link goes), the others `id-value`. The hint and the error describe the fieldset.
 */
export function RadioFieldset(props: ControlProps & { choices: readonly Choice[] }) {
  const described = [
    props.hint ? hintIdOf(props.id) : '',
    props.error ? fieldErrorId(props.id) : '',
  ]
    .filter((id) => id !== '')
    .join(' ');
  return (
    <div class={groupClass(props.error)}>
      <fieldset class="fieldset" aria-describedby={described === '' ? undefined : described}>
        <legend class="legend">{escapeHtml(props.label)}</legend>
        <Hint id={props.id} hint={props.hint} />
        <FieldError fieldId={props.id} message={props.error} />
        <div class="radios checkboxes-stacked">
          {props.choices.map((choice, index) => (
            <label class="radio">
              <input
                type="radio"
                id={index === 0 ? props.id : `${props.id}-${choice.value}`}
                name={props.name}
                value={attr(choice.value)}
                checked={choice.value === props.value}
              />
              <span>
                {escapeHtml(choice.label)}
                {choice.hint ? <span class="hint"> {escapeHtml(choice.hint)}</span> : ''}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** One checkbox, or one radio of a group spread over the page, with its label after it. */
export function CheckField(props: ControlProps & { type: 'checkbox' | 'radio'; checked: boolean }) {
  return (
    <div class={groupClass(props.error)}>
      <FieldError fieldId={props.id} message={props.error} />
      <label class={props.type}>
        <input
          type={props.type}
          id={props.id}
          name={props.name}
          value={attr(props.value)}
          checked={props.checked}
          {...controlAria(props)}
        />
        <span>{escapeHtml(props.label)}</span>
      </label>
      <Hint id={props.id} hint={props.hint} />
    </div>
  );
}
