import { DataTable, LegalBasis, type SectionProps } from './parts.tsx';

export function CookiesBody({ ctx }: SectionProps) {
  const { intro, purpose, refusal, settings } = ctx.declaration.cookies;
  return (
    <>
      <p>{ctx.text(intro)}</p>
      <h3>{ctx.text(purpose.heading)}</h3>
      <p>{ctx.text(purpose.text)}</p>
      <h3>{ctx.text(refusal.heading)}</h3>
      <p>{ctx.text(refusal.text)}</p>
      <h3>{ctx.text(settings.heading)}</h3>
      <ul>
        {settings.browsers.map((browser) => (
          <li>
            {ctx.text(browser.label)}: {ctx.text(browser.steps)}
          </li>
        ))}
      </ul>
    </>
  );
}

function CctvFacts({ ctx }: SectionProps) {
  const { cctv, retention } = ctx.declaration;
  const rule = retention.rules.find((r) => r.id === cctv.retentionRuleId);
  const kept = rule && 'period' in rule ? ctx.duration(rule.period) : '';
  const labels = ctx.msg.cctvFacts;
  return (
    <DataTable
      class="policy-cctv"
      caption={ctx.msg.cctvFactsCaption}
      columns={[ctx.msg.cctvFactColumns.fact, ctx.msg.cctvFactColumns.value]}
      rows={[
        [labels.cameraCount, ctx.msg.cameraCount(cctv.cameraCount)],
        [labels.recordingHours, ctx.msg.recordingHours(cctv.recordingHoursPerDay)],
        [labels.locations, ctx.text(cctv.locations)],
        [labels.retention, kept],
        [labels.storagePlace, ctx.text(cctv.storagePlace)],
      ]}
    />
  );
}

export function CctvBody({ ctx }: SectionProps) {
  const { cctv, processingPurposes, rights } = ctx.declaration;
  const purpose = processingPurposes.purposes.find((p) => p.id === cctv.purposeId);
  const right = rights.requests.find((r) => r.id === cctv.viewing.rightId);
  const { headings, viewing } = cctv;
  return (
    <>
      <p>{ctx.text(cctv.intro)}</p>
      <h3>{ctx.text(headings.basis)}</h3>
      {purpose?.uses.map((use) => (
        <p>{ctx.text(use.label)}</p>
      ))}
      <LegalBasis ctx={ctx} citations={cctv.legalBasis} />
      <h3>{ctx.text(headings.operation)}</h3>
      <CctvFacts ctx={ctx} />
      <h3>{ctx.text(headings.viewing)}</h3>
      <p>
        {ctx.msg.storedAt} : {ctx.text(cctv.storagePlace)}
      </p>
      <h3>{ctx.text(headings.method)}</h3>
      <p>{ctx.text(viewing.method)}</p>
      <h3>{ctx.text(headings.requests)}</h3>
      <p>{ctx.text(viewing.allowedWhen)}</p>
      <p>{ctx.text(viewing.refusalIntro)}</p>
      <ol>
        {viewing.refusalGrounds.map((ground) => (
          <li>{ctx.text(ground.text)}</li>
        ))}
      </ol>
      {right ? (
        <p class="deadline">
          {ctx.msg.deadline(right.deadlineDays, ctx.citations(right.legalBasis))}
        </p>
      ) : null}
      <h3>{ctx.text(headings.safeguards)}</h3>
      <p>{ctx.text(cctv.safeguards)}</p>
    </>
  );
}
