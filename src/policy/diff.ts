import { type L10n, type Lang, languages } from '../platform/i18n.ts';
import type { PolicyDeclaration, PolicySection, SectionId } from './declaration.ts';
import { htmlToLines } from './render/plain-text.ts';
import { sectionHtml } from './render/section.tsx';

export interface DiffLine {
  change: 'same' | 'removed' | 'added';
  text: string;
}

/** One section of two versions compared, in both published languages. */
export interface SectionDiff {
  id: SectionId;
  /** The heading as the newer version names it (the older one's if the section went away). */
  heading: L10n;
  changed: boolean;
  /**
   * The section's data changed although its published text did not (say, the
   * items a processor receives, or an item's purposes): still a change to announce.
   */
  dataOnly: boolean;
  lines: Record<Lang, DiffLine[]>;
}

/** The parts of a declaration each section publishes. */
const sectionData: Record<SectionId, (keyof PolicyDeclaration)[]> = {
  intro: ['hospital', 'title', 'intro'],
  purposes: ['processingPurposes'],
  retention: ['retention'],
  third_party: ['thirdParty'],
  processors: ['processors'],
  rights: ['rights'],
  children: ['children'],
  items: ['items'],
  destruction: ['destruction'],
  officer: ['officer'],
  safeguards: ['safeguards'],
  cookies: ['cookies'],
  cctv: ['cctv'],
  withdrawal: ['withdrawal'],
  scope: ['scope'],
  notice: ['notice'],
  changes: [],
};

/**
 * Compares two declarations section by section, in the newer version's order,
 * by the lines each section shows readers, so the diff reads like the page.
 */
export function diffDeclarations(from: PolicyDeclaration, to: PolicyDeclaration): SectionDiff[] {
  const order: PolicySection[] = [
    ...to.sections,
    ...from.sections.filter((old) => !to.sections.some((s) => s.id === old.id)),
  ];
  return order.map((section) => {
    const before = from.sections.find((s) => s.id === section.id);
    const after = to.sections.find((s) => s.id === section.id);
    const lines = {} as Record<Lang, DiffLine[]>;
    for (const lang of languages) {
      const old = before ? htmlToLines(sectionHtml(from, before, lang)) : [];
      const now = after ? htmlToLines(sectionHtml(to, after, lang)) : [];
      lines[lang] = diffLines(old, now);
    }
    const textChanged = languages.some((lang) => lines[lang].some((l) => l.change !== 'same'));
    const keys = sectionData[section.id];
    const dataChanged = keys.some((key) => canonicalJson(from[key]) !== canonicalJson(to[key]));
    return {
      id: section.id,
      heading: section.heading,
      changed: textChanged || dataChanged,
      dataOnly: dataChanged && !textChanged,
      lines,
    };
  });
}

/** JSON with object keys sorted: a declaration read back from jsonb has its keys reordered. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A line diff by longest common subsequence; policy sections are short enough for O(n·m). */
export function diffLines(before: string[], after: string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  // common[i][j]: length of the longest common subsequence of before[i..] and after[j..].
  const common = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const at = (i: number, j: number) => common[i]?.[j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      (common[i] as number[])[j] =
        before[i] === after[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const result: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      result.push({ change: 'same', text: before[i++] as string });
      j++;
    } else if (i < n && (j === m || at(i + 1, j) >= at(i, j + 1))) {
      // Removals first, so an edited line reads old-then-new.
      result.push({ change: 'removed', text: before[i++] as string });
    } else {
      result.push({ change: 'added', text: after[j++] as string });
    }
  }
  return result;
}
