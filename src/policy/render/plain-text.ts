const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&nbsp;': ' ',
};

/**
 * The readable lines of rendered policy HTML: one per heading, paragraph, list
 * item or definition, and one per table row with its cells joined by " | ".
 */
export function htmlToLines(html: string): string[] {
  const text = html
    .replace(/<\/t[hd]>\s*<t[hd][^>]*>/g, ' | ')
    .replace(/<\/dt>\s*<dd[^>]*>/g, ': ')
    .replace(/<\/(p|li|h[1-6]|caption|tr|dd|dt|ul|ol|table|section|nav|div)>/g, '\n')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(?:amp|lt|gt|quot|nbsp|#39|#x27);/g, (entity) => entities[entity] ?? entity);
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0);
}
