import type { L10n } from '../platform/i18n.ts';
import { citationInEnglish } from './citation.ts';
import { placeholderNames, sectionIds } from './declaration/common.ts';
import type { PolicyDeclaration } from './declaration.ts';
import { findPurpose } from './lookup.ts';

/** Something a schema cannot see: a reference to nothing, a duplicate, a missing link. */
export interface DeclarationProblem {
  code: string;
  /** Dotted path into the declaration, e.g. `items.contexts.0.items.2.purposeIds`. */
  path: string;
  message: L10n;
}

type Report = (code: string, path: string, ko: string, en: string) => void;

/**
 * Checks that every part of a declaration that names another part names one
 * that exists, that ids are unique, and that the legal minimums hold. A version
 * with problems is never drafted; `jikim policy check` fails on them.
 */
export function checkDeclaration(decl: PolicyDeclaration): DeclarationProblem[] {
  const problems: DeclarationProblem[] = [];
  const report: Report = (code, path, ko, en) => problems.push({ code, path, message: { ko, en } });
  checkSections(decl, report);
  checkIdsUnique(decl, report);
  checkItems(decl, report);
  checkReferences(decl, report);
  checkTexts(decl, '', report);
  return problems;
}

function checkSections(decl: PolicyDeclaration, report: Report): void {
  const present = new Set(decl.sections.map((s) => s.id));
  for (const id of sectionIds) {
    if (!present.has(id)) {
      report('section-missing', 'sections', `${id} 절이 없습니다`, `Section ${id} is missing`);
    }
  }
}

function checkIdsUnique(decl: PolicyDeclaration, report: Report): void {
  const purposeIds = decl.processingPurposes.purposes.flatMap((p) => [
    p.id,
    ...p.uses.map((u) => u.id),
  ]);
  const lists: [string, string[]][] = [
    ['sections', decl.sections.map((s) => s.id)],
    ['processingPurposes.purposes', purposeIds],
    ['items.contexts', decl.items.contexts.map((c) => c.id)],
    ['items.contexts.items', decl.items.contexts.flatMap((c) => c.items.map((i) => i.id))],
    ['retention.rules', decl.retention.rules.map((r) => r.id)],
    ['retention.cases', decl.retention.cases.map((c) => c.id)],
    ['processors.list', decl.processors.list.map((p) => p.id)],
    ['rights.requests', decl.rights.requests.map((r) => r.id)],
    ['rights.externalBodies', decl.rights.externalBodies.map((b) => b.id)],
    ['officer.contacts', decl.officer.contacts.map((c) => c.id)],
    ['safeguards.measures', decl.safeguards.measures.map((m) => m.id)],
    ['cookies.categories', decl.cookies.categories.map((c) => c.id)],
    ['cookies.settings.browsers', decl.cookies.settings.browsers.map((b) => b.id)],
    ['cctv.viewing.refusalGrounds', decl.cctv.viewing.refusalGrounds.map((g) => g.id)],
  ];
  for (const [path, ids] of lists) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) report('duplicate-id', path, `id ${id}가 중복됩니다`, `Duplicate id ${id}`);
      seen.add(id);
    }
  }
}

function checkItems(decl: PolicyDeclaration, report: Report): void {
  const ruleIds = new Set(decl.retention.rules.map((r) => r.id));
  decl.items.contexts.forEach((context, c) => {
    context.items.forEach((item, i) => {
      const path = `items.contexts.${c}.items.${i}`;
      if (!item.id.startsWith(`${context.id}.`)) {
        report(
          'item-outside-context',
          `${path}.id`,
          `항목 ${item.id}의 id가 맥락 ${context.id}로 시작하지 않습니다`,
          `Item ${item.id} does not start with its context ${context.id}`,
        );
      }
      if (item.purposeIds.length === 0) {
        report(
          'item-without-purpose',
          `${path}.purposeIds`,
          `항목 ${item.id}에 처리 목적이 없습니다`,
          `Item ${item.id} serves no purpose`,
        );
      }
      for (const id of item.purposeIds) {
        if (!findPurpose(decl, id)) {
          report(
            'unknown-purpose',
            `${path}.purposeIds`,
            `항목 ${item.id}가 없는 목적 ${id}를 가리킵니다`,
            `Item ${item.id} names unknown purpose ${id}`,
          );
        }
      }
      if (!ruleIds.has(item.retentionRuleId)) {
        report(
          'unknown-retention-rule',
          `${path}.retentionRuleId`,
          `항목 ${item.id}가 없는 보유 규칙 ${item.retentionRuleId}를 가리킵니다`,
          `Item ${item.id} names unknown retention rule ${item.retentionRuleId}`,
        );
      }
      // 개인정보 보호법 제24조③, 제24조의2②: unique identifiers are kept encrypted; passwords one-way.
      if (item.sensitivity === 'unique_identifier' && item.encryption !== 'reversible') {
        report(
          'identifier-not-encrypted',
          `${path}.encryption`,
          `고유식별정보 ${item.id}는 암호화해야 합니다`,
          `Unique identifier ${item.id} must be encrypted`,
        );
      }
      if (item.sensitivity === 'password' && item.encryption !== 'one_way') {
        report(
          'password-not-hashed',
          `${path}.encryption`,
          `비밀번호 ${item.id}는 일방향 암호화해야 합니다`,
          `Password ${item.id} must be hashed one-way`,
        );
      }
    });
  });
}

function checkReferences(decl: PolicyDeclaration, report: Report): void {
  const ruleIds = new Set(decl.retention.rules.map((r) => r.id));
  const itemIds = new Set(decl.items.contexts.flatMap((c) => c.items.map((i) => i.id)));
  const unknown = (path: string, kind: string, id: string) =>
    report(
      'unknown-reference',
      path,
      `없는 ${kind} ${id}를 가리킵니다`,
      `Names unknown ${kind} ${id}`,
    );

  decl.retention.cases.forEach((c, i) => {
    for (const id of c.ruleIds)
      if (!ruleIds.has(id)) unknown(`retention.cases.${i}.ruleIds`, 'rule', id);
  });
  decl.processors.list.forEach((p, i) => {
    for (const id of p.purposeIds)
      if (!findPurpose(decl, id)) unknown(`processors.list.${i}.purposeIds`, 'purpose', id);
    for (const id of p.itemIds)
      if (!itemIds.has(id)) unknown(`processors.list.${i}.itemIds`, 'item', id);
  });
  const guardian = decl.items.contexts.find((c) => c.id === decl.children.guardianContextId);
  if (!guardian) unknown('children.guardianContextId', 'context', decl.children.guardianContextId);
  if (!findPurpose(decl, decl.children.guardianDataPurposeId)) {
    unknown('children.guardianDataPurposeId', 'purpose', decl.children.guardianDataPurposeId);
  }
  for (const item of guardian?.items ?? []) {
    if (item.purposeIds.some((id) => id !== decl.children.guardianDataPurposeId)) {
      report(
        'guardian-data-overused',
        'children.guardianContextId',
        `법정대리인 정보 ${item.id}는 동의 확인 목적으로만 이용해야 합니다`,
        `Guardian item ${item.id} may serve only the consent check`,
      );
    }
  }
  if (!findPurpose(decl, decl.cctv.purposeId))
    unknown('cctv.purposeId', 'purpose', decl.cctv.purposeId);
  if (!ruleIds.has(decl.cctv.retentionRuleId))
    unknown('cctv.retentionRuleId', 'rule', decl.cctv.retentionRuleId);
  if (!decl.rights.requests.some((r) => r.id === decl.cctv.viewing.rightId)) {
    unknown('cctv.viewing.rightId', 'right', decl.cctv.viewing.rightId);
  }
}

const knownPlaceholders = new Set<string>(placeholderNames);

/** Every citation must have an English rendering; every {placeholder} must be one we fill. */
function checkTexts(value: unknown, path: string, report: Report): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      checkTexts(v, path ? `${path}.${i}` : String(i), report);
    });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (key === 'legalBasis' && Array.isArray(child)) {
      for (const citation of child as string[]) {
        if (!citationInEnglish(citation)) {
          report(
            'unknown-citation',
            childPath,
            `인용 ${citation}의 법령을 알 수 없습니다`,
            `Cannot render citation ${citation}`,
          );
        }
      }
    } else if ((key === 'ko' || key === 'en') && typeof child === 'string') {
      for (const [, name] of child.matchAll(/\{(\w+)\}/g)) {
        if (name && !knownPlaceholders.has(name)) {
          report(
            'unknown-placeholder',
            childPath,
            `알 수 없는 자리표시자 {${name}}`,
            `Unknown placeholder {${name}}`,
          );
        }
      }
    } else {
      checkTexts(child, childPath, report);
    }
  }
}
