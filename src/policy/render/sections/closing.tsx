import { LegalBasis, type SectionProps } from './parts.tsx';

export function WithdrawalBody({ ctx }: SectionProps) {
  const { text, legalBasis } = ctx.declaration.withdrawal;
  return (
    <>
      <p>{ctx.text(text)}</p>
      <LegalBasis ctx={ctx} citations={legalBasis} />
    </>
  );
}

export function ScopeBody({ ctx }: SectionProps) {
  return <p>{ctx.text(ctx.declaration.scope.text)}</p>;
}

export function NoticeBody({ ctx }: SectionProps) {
  // The notice period is the policy's own promise; no article is shown beside it.
  return <p>{ctx.text(ctx.declaration.notice.text)}</p>;
}

/** The version's dates; a declaration compared on its own has none to show. */
export function ChangesBody({ ctx }: SectionProps) {
  if (!ctx.version) return null;
  return (
    <dl class="policy-dates">
      <dt>{ctx.msg.announcedOn}</dt>
      <dd>
        <time datetime={ctx.version.announcedOn}>{ctx.version.announcedOn}</time>
      </dd>
      <dt>{ctx.msg.effectiveOn}</dt>
      <dd>
        <time datetime={ctx.version.effectiveOn}>{ctx.version.effectiveOn}</time>
      </dd>
    </dl>
  );
}
