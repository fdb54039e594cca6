import { seoulDateTime } from '../../platform/clock.ts';
import type { L10n, Lang } from '../../platform/i18n.ts';
import type { DevOutboxMessage } from '../../platform/outbox/dev-inbox.ts';
import { type DevTransportId, devTransportLabels } from '../../platform/outbox/transports.ts';
import { localHref } from '../../site/layout.tsx';
import { devOutboxText } from '../dev-outbox-text.ts';
import { StaffLayout } from './layout.tsx';

/**
 * What the dev adapters kept, newest first, under a banner saying that none of
 * it was sent. Each message names its adapter and the item it went to, never
 * the address.
 */
export function DevOutboxPage(props: {
  lang: Lang;
  adapters: readonly DevTransportId[];
  purposes: readonly { id: string; label: L10n }[];
  purpose: string;
  messages: readonly DevOutboxMessage[];
  itemLabel: (itemId: string) => string;
  limit: number;
}) {
  const t = devOutboxText[props.lang];
  return (
    <StaffLayout
      lang={props.lang}
      title={t.title}
      path={`/staff/dev-outbox?purpose=${encodeURIComponent(props.purpose)}`}
      signedIn
    >
      <h1>{t.title}</h1>
      <div class="notice" role="note" id="not-sent">
        <p>
          <strong>{t.notSent}</strong>
        </p>
        <p>{t.noAddress}</p>
        <p>{t.logged}</p>
      </div>
      <h2>{t.adapters}</h2>
      <ul id="dev-adapters">
        {props.adapters.map((id) => (
          <li data-adapter={id}>{devTransportLabels[id]}</li>
        ))}
      </ul>
      <form method="get" action={localHref('/staff/dev-outbox', props.lang)}>
        {props.lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <p>
          <label for="purpose">{t.purpose}</label>{' '}
          <select id="purpose" name="purpose">
            {props.purposes.map((p) => (
              <option value={p.id} selected={p.id === props.purpose}>
                {`${p.label[props.lang]} (${p.id})`}
              </option>
            ))}
          </select>{' '}
          <button type="submit">{t.show}</button>
        </p>
        <p class="muted">{`${t.purposeLead} ${t.limit(props.limit)}`}</p>
      </form>
      {props.messages.length === 0 ? <p>{t.none}</p> : null}
      <ol id="dev-messages" class="dev-messages">
        {props.messages.map((m) => (
          <li data-template={m.template} data-channel={m.channel}>
            <article>
              <h3>{`${devTransportLabels[m.via]} · ${seoulDateTime(m.sentAt)}`}</h3>
              <dl>
                <dt>{t.template}</dt>
                <dd>{m.template}</dd>
                <dt>{t.to}</dt>
                <dd>{props.itemLabel(m.addressItem)}</dd>
                {m.subject ? (
                  <>
                    <dt>{t.subject}</dt>
                    <dd>{m.subject}</dd>
                  </>
                ) : null}
              </dl>
              <div class="message-text">
                {m.text.split('\n\n').map((paragraph) => (
                  <p>{paragraph}</p>
                ))}
              </div>
            </article>
          </li>
        ))}
      </ol>
    </StaffLayout>
  );
}
