import type { PolicyDeclaration } from '../../declaration.ts';
import { DataTable, LegalBasis, type SectionProps } from './parts.tsx';

type ExternalBody = PolicyDeclaration['rights']['externalBodies'][number];

function ExternalBodyDetails({ ctx, body }: SectionProps & { body: ExternalBody }) {
  const fields = ctx.msg.bodyFields;
  const phone = body.phoneNote
    ? ctx.msg.phoneWithNote(body.phone, ctx.text(body.phoneNote))
    : body.phone;
  return (
    <>
      <h3>{ctx.text(body.name)}</h3>
      <dl>
        {body.duties ? (
          <>
            <dt>{fields.duties}</dt>
            <dd>{ctx.text(body.duties)}</dd>
          </>
        ) : null}
        <dt>{fields.website}</dt>
        <dd>
          <a href={body.website}>{body.website.replace(/^https?:\/\//, '')}</a>
        </dd>
        <dt>{fields.phone}</dt>
        <dd>{phone}</dd>
        {body.address ? (
          <>
            <dt>{fields.address}</dt>
            <dd>{ctx.text(body.address)}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}

export function RightsBody({ ctx }: SectionProps) {
  const { intro, requests, externalIntro, externalBodies } = ctx.declaration.rights;
  return (
    <>
      {intro.map((paragraph) => (
        <p>{ctx.text(paragraph)}</p>
      ))}
      {requests.map((request) => (
        <>
          <h3>{ctx.text(request.heading)}</h3>
          <p>{ctx.text(request.text)}</p>
          <p class="deadline">
            {ctx.msg.deadline(request.deadlineDays, ctx.citations(request.legalBasis))}
          </p>
        </>
      ))}
      <p>{ctx.text(externalIntro)}</p>
      {externalBodies.map((body) => (
        <ExternalBodyDetails ctx={ctx} body={body} />
      ))}
    </>
  );
}

export function ChildrenBody({ ctx }: SectionProps) {
  const { paragraphs, legalBasis } = ctx.declaration.children;
  return (
    <>
      {paragraphs.map((paragraph) => (
        <p>{ctx.text(paragraph)}</p>
      ))}
      <LegalBasis ctx={ctx} citations={legalBasis} />
    </>
  );
}

export function ItemsBody({ ctx }: SectionProps) {
  const { intro, contexts } = ctx.declaration.items;
  const columns = ctx.msg.itemColumns;
  return (
    <>
      <p>{ctx.text(intro)}</p>
      {contexts
        .filter((context) => context.listedIn === 'items')
        .map((context) => (
          <>
            <h3>{ctx.text(context.heading)}</h3>
            <DataTable
              class="policy-items"
              caption={ctx.msg.itemsCaption}
              columns={[columns.item, columns.requirement, columns.detail]}
              rows={context.items.map((item) => [
                ctx.text(item.label),
                ctx.msg.requirement[item.requirement],
                item.detail ? ctx.text(item.detail) : '',
              ])}
            />
            {context.note ? <p>{ctx.text(context.note)}</p> : null}
          </>
        ))}
    </>
  );
}
