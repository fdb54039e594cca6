import type { RetentionRule } from '../../declaration.ts';
import { DataTable, LegalBasis, type SectionProps } from './parts.tsx';

export function IntroBody({ ctx }: SectionProps) {
  return <p>{ctx.text(ctx.declaration.intro.text)}</p>;
}

export function PurposesBody({ ctx }: SectionProps) {
  const { intro, purposes } = ctx.declaration.processingPurposes;
  return (
    <>
      <p>{ctx.text(intro)}</p>
      {purposes
        .filter((purpose) => purpose.statedIn === 'purposes')
        .map((purpose) => (
          <>
            <h3>{ctx.text(purpose.heading)}</h3>
            <ul>
              {purpose.uses
                .filter((use) => !use.impliedBy)
                .map((use) => (
                  <li>{ctx.text(use.label)}</li>
                ))}
            </ul>
          </>
        ))}
    </>
  );
}

type MedicalRecordRule = Extract<RetentionRule, { kind: 'medical_record' }>;

function MedicalRecordsTable({ ctx, rules }: SectionProps & { rules: MedicalRecordRule[] }) {
  const { runsFrom, extension } = ctx.declaration.retention.medicalRecords;
  const columns = ctx.msg.medicalRecordColumns;
  return (
    <>
      <DataTable
        caption={ctx.msg.medicalRecordsCaption}
        columns={[columns.record, columns.period, columns.basis]}
        rows={rules.map((rule) => [
          ctx.text(rule.label),
          ctx.duration(rule.period),
          ctx.citations(rule.legalBasis),
        ])}
      />
      <p>
        {ctx.msg.medicalRecordsRule(
          ctx.msg.medicalRecordsRunsFrom[runsFrom.default],
          ctx.text(extension.when),
          extension.maxTimes,
          ctx.citations(extension.legalBasis),
        )}
      </p>
    </>
  );
}

export function RetentionBody({ ctx }: SectionProps) {
  const { intro, cases, rules } = ctx.declaration.retention;
  return (
    <>
      <p>{ctx.text(intro)}</p>
      {cases.map((retentionCase) => {
        const medical = retentionCase.ruleIds
          .map((id) => rules.find((rule) => rule.id === id))
          .filter((rule): rule is MedicalRecordRule => rule?.kind === 'medical_record');
        return (
          <>
            <h3>{ctx.text(retentionCase.heading)}</h3>
            <p>{ctx.text(retentionCase.text)}</p>
            {medical.length > 0 ? <MedicalRecordsTable ctx={ctx} rules={medical} /> : null}
          </>
        );
      })}
    </>
  );
}

export function ThirdPartyBody({ ctx }: SectionProps) {
  return <p>{ctx.text(ctx.declaration.thirdParty.text)}</p>;
}

export function ProcessorsBody({ ctx }: SectionProps) {
  const { intro, list, untilLabels, legalBasis } = ctx.declaration.processors;
  const columns = ctx.msg.processorColumns;
  return (
    <>
      <p>{ctx.text(intro)}</p>
      <DataTable
        caption={ctx.msg.processorsCaption}
        columns={[columns.name, columns.task, columns.until]}
        rows={list.map((processor) => [
          ctx.text(processor.name),
          ctx.text(processor.task),
          ctx.text(untilLabels[processor.until]),
        ])}
      />
      <LegalBasis ctx={ctx} citations={legalBasis} />
    </>
  );
}
