import type { Lang } from '../../platform/i18n.ts';
import { districts } from '../districts.ts';
import { memberText } from '../messages.ts';
import { referralSources, sexes } from '../schema.ts';
import { Choice, Field, type FieldErrors, pick } from './fields.tsx';

/**
 * The fields a member fills in about themselves on sign-up and corrects on /me,
 * by form field id; each keeps what was there or typed and shows its own error.
 */
interface ProfileFieldsProps {
  lang: Lang;
  errors: FieldErrors;
  values: Record<string, string | undefined>;
}

/** Sex, how they found us and district: each a choice from a fixed list. */
export function ProfileChoices(props: ProfileFieldsProps) {
  const t = memberText[props.lang];
  const lists = [
    { id: 'sex', label: t.sex, options: sexes.map((s) => ({ value: s, label: t.sexes[s] ?? s })) },
    {
      id: 'referralSource',
      label: t.referralSource,
      options: referralSources.map((s) => ({ value: s, label: t.referralSources[s] ?? s })),
    },
    {
      id: 'district',
      label: t.district,
      options: districts.map((d) => ({ value: d.id, label: pick(props.lang, d.label) })),
    },
  ];
  return (
    <>
      {lists.map((list) => (
        <Choice
          id={list.id}
          label={list.label}
          chooseLabel={t.choose}
          errors={props.errors}
          value={props.values[list.id]}
          options={list.options}
        />
      ))}
    </>
  );
}

/** Telephone and e-mail, the contacts the hospital answers on. */
export function ContactFields(props: ProfileFieldsProps) {
  const t = memberText[props.lang];
  const fields = [
    { id: 'phone', label: t.phone, type: 'tel', autocomplete: 'tel' },
    { id: 'email', label: t.email, type: 'email', autocomplete: 'email' },
  ];
  return (
    <>
      {fields.map((field) => (
        <Field {...field} errors={props.errors} value={props.values[field.id]} />
      ))}
    </>
  );
}
