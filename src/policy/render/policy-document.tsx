import type { Lang } from '../../platform/i18n.ts';
import type { PolicyDeclaration, VersionDates } from '../declaration.ts';
import { renderContext, sectionAnchor } from './context.ts';
import { PolicySectionView } from './section.tsx';

/**
 * The published privacy policy: a table of contents, then every section of the
 * declaration in its order, ending with the version's announcement and
 * effective dates. Content only; the site layout wraps it.
 */
export function PolicyDocument(props: {
  declaration: PolicyDeclaration;
  version: VersionDates;
  lang: Lang;
}) {
  const ctx = renderContext(props.declaration, props.lang, props.version);
  const { sections, hospital, title } = props.declaration;
  return (
    <article class="policy" lang={props.lang}>
      <h1>
        {ctx.text(hospital.name)} {ctx.text(title)}
      </h1>
      <nav class="toc" aria-label={ctx.msg.tableOfContents}>
        <ol>
          {sections.map((section) => (
            <li>
              <a href={`#${sectionAnchor(section.id)}`}>{ctx.text(section.heading)}</a>
            </li>
          ))}
        </ol>
      </nav>
      {sections.map((section) => (
        <PolicySectionView ctx={ctx} section={section} />
      ))}
    </article>
  );
}
