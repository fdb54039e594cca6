import type { Lang } from '../platform/i18n.ts';
import { PolicyPage } from './pages.tsx';
import { PolicyDocument } from './render/policy-document.tsx';
import { type PolicyVersion, versionDates } from './versions.ts';

/** The whole published page of one version, as the site and `jikim policy render` show it. */
export async function renderPolicyHtml(
  version: PolicyVersion,
  lang: Lang,
  options: { path?: string; notInForce?: boolean } = {},
): Promise<string> {
  const page = (
    <PolicyPage
      lang={lang}
      path={options.path ?? '/privacy'}
      notInForce={options.notInForce ?? false}
    >
      <PolicyDocument
        declaration={version.declaration}
        version={versionDates(version)}
        lang={lang}
      />
    </PolicyPage>
  );
  return `<!doctype html>${await page.toString()}`;
}
