import type { Lang } from '../../platform/i18n.ts';
import type { PolicyDeclaration, PolicySection } from '../declaration.ts';
import { type RenderContext, renderContext, sectionAnchor } from './context.ts';
import { sectionBodies } from './sections/index.ts';

/** One section of the policy: its heading, then the body its id calls for. */
export function PolicySectionView({
  ctx,
  section,
}: {
  ctx: RenderContext;
  section: PolicySection;
}) {
  const Body = sectionBodies[section.id];
  const anchor = sectionAnchor(section.id);
  return (
    <section id={anchor} aria-labelledby={`${anchor}-heading`}>
      <h2 id={`${anchor}-heading`}>{ctx.text(section.heading)}</h2>
      <Body ctx={ctx} />
    </section>
  );
}

/**
 * The HTML of one section as the published page shows it (without version
 * dates). The version diff compares these, so it sees exactly what readers see.
 */
export function sectionHtml(
  declaration: PolicyDeclaration,
  section: PolicySection,
  lang: Lang,
): string {
  const html = (
    <PolicySectionView ctx={renderContext(declaration, lang)} section={section} />
  ).toString();
  // Section components are synchronous, so their HTML is ready at once.
  if (typeof html !== 'string') throw new Error('policy sections must render synchronously');
  return html;
}
