import type { Child } from 'hono/jsx';
import type { Lang } from '../platform/i18n.ts';
import { Layout, localHref } from '../site/layout.tsx';
import { siteMessages } from '../site/messages.ts';
import type { PolicyVersion } from './versions.ts';
import { versionDates } from './versions.ts';

const text = {
  ko: {
    versionsTitle: '개인정보처리방침 변경 이력',
    label: '버전',
    announced: '공고일',
    effective: '시행일',
    state: '상태',
    inForce: '시행 중',
    upcoming: '시행 예정',
    past: '이전 버전',
    draft: '초안',
    compare: '이전 버전과 비교',
    diffTitle: '개인정보처리방침 비교',
    oldVersionNotice: '이 문서는 현재 시행 중인 방침이 아닙니다.',
    current: '현재 방침 보기',
  },
  en: {
    versionsTitle: 'Privacy policy versions',
    label: 'Version',
    announced: 'Announced',
    effective: 'Effective',
    state: 'Status',
    inForce: 'In force',
    upcoming: 'Upcoming',
    past: 'Earlier version',
    draft: 'Draft',
    compare: 'Compare with the previous version',
    diffTitle: 'Privacy policy comparison',
    oldVersionNotice: 'This is not the policy in force.',
    current: 'Read the policy in force',
  },
} satisfies Record<Lang, Record<string, string>>;

export function PolicyPage(props: {
  lang: Lang;
  path: string;
  notInForce?: boolean;
  children?: Child;
}) {
  const t = text[props.lang];
  return (
    <Layout lang={props.lang} title={siteMessages[props.lang].privacyPolicy} path={props.path}>
      {props.notInForce ? (
        <p class="notice" role="note">
          {t.oldVersionNotice} <a href={localHref('/privacy', props.lang)}>{t.current}</a>
        </p>
      ) : null}
      {props.children}
    </Layout>
  );
}

export function VersionsPage(props: {
  lang: Lang;
  versions: PolicyVersion[];
  inForceId: string | undefined;
  now: Date;
}) {
  const t = text[props.lang];
  const announced = props.versions.filter((v) => v.status === 'announced');
  const stateOf = (v: PolicyVersion) => {
    if (v.id === props.inForceId) return t.inForce;
    if (v.effectiveAt && v.effectiveAt.getTime() > props.now.getTime()) return t.upcoming;
    return t.past;
  };
  return (
    <Layout lang={props.lang} title={t.versionsTitle} path="/privacy/versions">
      <h1>{t.versionsTitle}</h1>
      <table>
        <caption>{t.versionsTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.label}</th>
            <th scope="col">{t.announced}</th>
            <th scope="col">{t.effective}</th>
            <th scope="col">{t.state}</th>
            <th scope="col">{t.compare}</th>
          </tr>
        </thead>
        <tbody>
          {announced.map((v, i) => {
            const dates = versionDates(v);
            const previous = announced[i + 1];
            return (
              <tr>
                <td>
                  <a href={localHref(`/privacy/versions/${v.id}`, props.lang)}>{v.label}</a>
                </td>
                <td>{dates.announcedOn}</td>
                <td>{dates.effectiveOn}</td>
                <td>{stateOf(v)}</td>
                <td>
                  {previous ? (
                    <a href={localHref(`/privacy/diff?from=${previous.id}&to=${v.id}`, props.lang)}>
                      {previous.label} → {v.label}
                    </a>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Layout>
  );
}

export function DiffPage(props: { lang: Lang; path: string; children?: Child }) {
  const t = text[props.lang];
  return (
    <Layout lang={props.lang} title={t.diffTitle} path={props.path}>
      <h1>{t.diffTitle}</h1>
      {props.children}
    </Layout>
  );
}
