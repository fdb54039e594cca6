import { type L10n, type Lang, pick } from '../../platform/i18n.ts';
import { formatCitations } from '../citation.ts';
import type { PolicyDeclaration, VersionDates } from '../declaration.ts';
import { formatDuration } from '../duration.ts';
import { type Messages, policyMessages } from './messages.ts';

type Values = Record<string, string | number>;

/** What every section component needs: the declaration, the language, and its words. */
export interface RenderContext {
  declaration: PolicyDeclaration;
  lang: Lang;
  msg: Messages;
  /** Set when a whole version is rendered; the version diff compares declarations only. */
  version?: VersionDates;
  /** The text in this language, with its {placeholders} filled from the declaration. */
  text(text: L10n, extra?: Values): string;
  citations(citations: readonly string[]): string;
  duration(iso: string): string;
}

export function fillPlaceholders(text: string, values: Values): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export function renderContext(
  declaration: PolicyDeclaration,
  lang: Lang,
  version?: VersionDates,
): RenderContext {
  // The numbers the prose mentions live once in the data; the prose names them.
  const values: Values = {
    hospital: pick(declaration.hospital.name, lang),
    age: declaration.children.ageThreshold,
    noticeDays: declaration.notice.noticeDays,
  };
  return {
    declaration,
    lang,
    msg: policyMessages[lang],
    ...(version ? { version } : {}),
    text: (text, extra) => fillPlaceholders(pick(text, lang), { ...values, ...extra }),
    citations: (citations) => formatCitations(citations, lang),
    duration: (iso) => formatDuration(iso, lang),
  };
}

/** The anchor of a section on the page; prefixed so the site layout's ids never clash. */
export function sectionAnchor(sectionId: string): string {
  return `policy-${sectionId}`;
}
