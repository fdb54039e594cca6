import type { L10n, Lang } from '../../platform/i18n.ts';
import { localHref } from '../../site/layout.tsx';
import { accessMessages } from '../messages.ts';
import { StaffLayout } from './layout.tsx';

/** A refusal or an error on a console page, with its reason in the reader's language. */
export function RefusalPage(props: { lang: Lang; title: L10n; detail?: L10n | undefined }) {
  const t = accessMessages[props.lang];
  return (
    <StaffLayout lang={props.lang} title={props.title[props.lang]} path="/staff" signedIn>
      <h1>{props.title[props.lang]}</h1>
      {props.detail ? <p class="reason">{props.detail[props.lang]}</p> : null}
      <p>
        <a href={localHref('/staff', props.lang)}>{t.back}</a>
      </p>
    </StaffLayout>
  );
}
