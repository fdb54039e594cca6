import type { Lang } from '../../platform/i18n.ts';
import { localHref } from '../../site/layout.tsx';
import { marketingText } from '../marketing-text.ts';
import type { MyData } from '../my-data.ts';
import { marketingChannels } from '../schema.ts';
import type { FieldErrors } from './fields.tsx';

/** One form per channel, so each choice is made (and recorded) on its own. */
export function MarketingForms(props: {
  lang: Lang;
  consents: MyData['consents'];
  errors?: FieldErrors;
}) {
  const t = marketingText[props.lang];
  const error = props.errors?.channel ?? props.errors?.optIn;
  return (
    <section id="marketing">
      <h2>{t.title}</h2>
      <p>{t.lead}</p>
      {error ? (
        <p class="error" id="marketing-error" role="alert">
          {error}
        </p>
      ) : null}
      {marketingChannels.map((channel) => {
        const on = props.consents.some((c) => c.kind === `marketing_${channel}` && c.granted);
        return (
          <form
            method="post"
            action={localHref('/me/marketing', props.lang)}
            data-channel={channel}
          >
            <input type="hidden" name="channel" value={channel} />
            <input type="hidden" name="optIn" value={on ? 'off' : 'on'} />
            <p>
              {t.channels[channel]}: <strong>{on ? t.on : t.off}</strong>{' '}
              <button type="submit">{on ? t.turnOff : t.turnOn}</button>
            </p>
          </form>
        );
      })}
    </section>
  );
}
