import type { Lang } from '../../platform/i18n.ts';

export type FieldErrors = Record<string, string>;

/** The message under a field, announced when it appears and named by the field's aria-describedby. */
function ErrorText(props: { id: string; error: string | undefined }) {
  if (!props.error) return null;
  return (
    <span class="error" id={`${props.id}-error`} role="alert">
      {props.error}
    </span>
  );
}

/** A labelled field whose error, when there is one, is tied to it for screen readers. */
export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
  value?: string | undefined;
  type?: string;
  autocomplete?: string;
  required?: boolean;
}) {
  const error = props.errors[props.id];
  const describedBy = [props.hint ? `${props.id}-hint` : '', error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <p class={error ? 'field invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.hint ? <small id={`${props.id}-hint`}>{props.hint}</small> : null}
      <input
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? undefined : props.value}
        autocomplete={props.autocomplete}
        required={props.required ?? true}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
      <ErrorText id={props.id} error={error} />
    </p>
  );
}

export function Choice(props: {
  id: string;
  label: string;
  options: { value: string; label: string }[];
  chooseLabel: string;
  errors: FieldErrors;
  value?: string | undefined;
}) {
  const error = props.errors[props.id];
  return (
    <p class={error ? 'field invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        name={props.id}
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${props.id}-error` : undefined}
      >
        <option value="">{props.chooseLabel}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={props.id} error={error} />
    </p>
  );
}

export function Check(props: { id: string; label: string; checked: boolean; errors: FieldErrors }) {
  const error = props.errors[props.id];
  return (
    <p class="field check">
      <input
        id={props.id}
        name={props.id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={error ? `${props.id}-error` : undefined}
      />
      <label for={props.id}>{props.label}</label>
      <ErrorText id={props.id} error={error} />
    </p>
  );
}

export function Notice(props: { text?: string | undefined; kind?: 'error' | 'ok' }) {
  if (!props.text) return null;
  return (
    <p
      class={props.kind === 'error' ? 'error' : 'notice'}
      role={props.kind === 'error' ? 'alert' : 'status'}
    >
      {props.text}
    </p>
  );
}

export const pick = (lang: Lang, text: { ko: string; en: string }) => text[lang];
