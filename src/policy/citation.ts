import type { Lang } from '../platform/i18n.ts';

/** Statutes the policy cites, with the English titles of the official translations. */
const statuteTitles: ReadonlyArray<readonly [ko: string, en: string]> = [
  ['개인정보 보호법 시행령', 'Enforcement Decree of the Personal Information Protection Act'],
  ['개인정보 보호법', 'Personal Information Protection Act'],
  ['의료법 시행규칙', 'Enforcement Rule of the Medical Service Act'],
  ['의료법', 'Medical Service Act'],
];

const articlePattern = /^(.+) 제(\d+)조(?:의(\d+))?(?:제(\d+)항)?(?:제(\d+)호)?$/;

/** The English form of a citation, or undefined when its statute is not known. */
export function citationInEnglish(citation: string): string | undefined {
  const match = articlePattern.exec(citation);
  if (!match) return undefined;
  const [, statute, article, branch, paragraph, item] = match;
  const title = statuteTitles.find(([ko]) => ko === statute)?.[1];
  if (!title) return undefined;
  const articleRef = `Article ${article}${branch ? `-${branch}` : ''}${paragraph ? `(${paragraph})` : ''}`;
  return `${title}, ${articleRef}${item ? `, item ${item}` : ''}`;
}

export function formatCitations(citations: readonly string[], lang: Lang): string {
  const rendered = citations.map((c) => (lang === 'ko' ? c : (citationInEnglish(c) ?? c)));
  return rendered.join(lang === 'ko' ? ', ' : '; ');
}
