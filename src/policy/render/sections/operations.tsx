import { DataTable, LegalBasis, type SectionProps } from './parts.tsx';

export function DestructionBody({ ctx }: SectionProps) {
  const { intro, procedure, methods, legalBasis } = ctx.declaration.destruction;
  return (
    <>
      <p>{ctx.text(intro)}</p>
      <h3>{ctx.text(procedure.heading)}</h3>
      {procedure.paragraphs.map((paragraph) => (
        <p>{ctx.text(paragraph)}</p>
      ))}
      <h3>{ctx.text(methods.heading)}</h3>
      <p>{ctx.text(methods.paper.text)}</p>
      <p>{ctx.text(methods.electronic.text)}</p>
      <LegalBasis ctx={ctx} citations={legalBasis} />
    </>
  );
}

export function OfficerBody({ ctx }: SectionProps) {
  const { intro, contacts, legalBasis } = ctx.declaration.officer;
  const columns = ctx.msg.officerColumns;
  const roles = ['officer', 'staff'] as const;
  return (
    <>
      <p>{ctx.text(intro)}</p>
      {roles.map((role) => (
        <DataTable
          class="policy-contacts"
          caption={ctx.msg.officerCaptions[role]}
          columns={[columns.name, columns.title, columns.department, columns.phone, columns.email]}
          rows={contacts
            .filter((contact) => contact.role === role)
            .map((contact) => [
              ctx.text(contact.name),
              ctx.text(contact.title),
              ctx.text(contact.department),
              contact.phone,
              contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : '',
            ])}
        />
      ))}
      <LegalBasis ctx={ctx} citations={legalBasis} />
    </>
  );
}

export function SafeguardsBody({ ctx }: SectionProps) {
  const { intro, measures, legalBasis } = ctx.declaration.safeguards;
  return (
    <>
      <p>{ctx.text(intro, { legalBasis: ctx.citations(legalBasis) })}</p>
      {measures.map((measure) => (
        <>
          <h3>{ctx.text(measure.heading)}</h3>
          <p>{ctx.text(measure.text)}</p>
        </>
      ))}
    </>
  );
}
