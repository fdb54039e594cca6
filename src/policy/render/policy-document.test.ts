import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { jsx } from 'hono/jsx';
import type { Lang } from '../../platform/i18n.ts';
import { seedPolicy, seedVersion } from '../seed-policy.ts';
import { htmlToLines } from './plain-text.ts';
import { PolicyDocument } from './policy-document.tsx';

const seedText = readFileSync(new URL('../../../docs/seed-policy.ko.txt', import.meta.url), 'utf8');
const seedLines = seedText.split('\n').map((line) => line.trim());

/** Section headings as they stand in the published seed, in its order. */
const seedSectionHeadings = [
  '개인정보의 처리 방침',
  '개인정보의 처리 및 보유기간',
  '개인정보의 제3자 제공에 관한 사항',
  '개인정보처리의 위탁에 관한 사항',
  '정보주체와 법정대리인의 권리/의무 및 그 행사방법에 관한 사항',
  '아동의 개인정보보호',
  '처리하는 개인정보의 항목',
  '개인정보의 파기에 관한 사항',
  '개인정보 보호책임자에 관한 사항',
  '개인정보의 안전성 확보조치에 관한 사항',
  '개인정보 자동 수집 장치의 설치/운영 및 그 거부에 관한 사항',
  '영상정보처리방침',
  '동의철회 및 탈퇴',
  '적용의 범위',
  '공지의 의무',
  '개인정보 처리방침의 변경에 관한 사항',
];

/** Section headings and the sub-headings under them, as lines of the seed, in its order. */
const seedHeadingsInOrder = [
  '개인정보의 처리 방침',
  '회원관리',
  '신규 서비스',
  '진료 서비스',
  '개인정보의 처리 및 보유기간',
  '회원가입정보의 경우',
  '설문조사, 행사 등의 목적을 위하여 수집한 경우',
  '진료목적을 위하여 수집한 경우',
  '개인정보의 제3자 제공에 관한 사항',
  '개인정보처리의 위탁에 관한 사항',
  '수탁업체',
  '위탁업무내용',
  '개인정보 이용기간',
  '정보주체와 법정대리인의 권리/의무 및 그 행사방법에 관한 사항',
  '개인정보 열람 요구',
  '개인정보 정정/삭제 요구',
  '개인정보 침해신고센터 (한국인터넷진흥원 운영)',
  '개인정보 분쟁조정위원회',
  '아동의 개인정보보호',
  '처리하는 개인정보의 항목',
  '홈페이지 회원 가입 시',
  '진료예약 및 진료 시',
  '진료비 수납 시',
  '제증명 발급시',
  '개인정보의 파기에 관한 사항',
  '파기절차',
  '파기방법',
  '개인정보 보호책임자에 관한 사항',
  '개인정보의 안전성 확보조치에 관한 사항',
  '개인정보 취급 직원의 최소화 및 교육',
  '내부관리계획의 수립 및 시행',
  '해킹 등에 대비한 기술적 대책',
  '개인정보의 암호화',
  '개인정보에 대한 접근 제한',
  '비인가 자에 대한 출입 통제',
  '개인정보 자동 수집 장치의 설치/운영 및 그 거부에 관한 사항',
  '쿠키의 사용 목적',
  '쿠키의 설치/운영 및 거부',
  '설정방법',
  '영상정보처리방침',
  '설치근거 및 목적',
  '영상정보의 촬영시간, 보관기간, 보관장소 및 처리방법',
  '영상정보 확인방법 및 장소',
  '확인방법',
  '정보주체의 영상정보 열람 등 요구에 대한 조치',
  '동의철회 및 탈퇴',
  '적용의 범위',
  '공지의 의무',
  '개인정보 처리방침의 변경에 관한 사항',
];

/** Items as the seed names them, in its order (details in parentheses are a separate column). */
const seedItems = [
  '성명',
  '생년월일(연령대)',
  '성별',
  '유입경로',
  '사는 지역구',
  '아이디',
  '비밀번호',
  '전화번호',
  '이메일',
  '수신여부',
  '환자등록번호',
  '성명',
  '주민등록번호',
  '외국인등록번호',
  '주소',
  '진료과목',
  '전화번호',
  '건강정보',
  '카드사명',
  '신용카드번호',
  '핸드폰번호',
  '통장계좌번호',
  '본인 확인 정보',
  '보호자 및 대리인 확인 정보',
  '동의서',
];

/** Characters lost when the seed was scraped, restored as the policy publishes them. */
const restored: Record<string, string> = { ')메디컬디자인': '(주)메디컬디자인' };

async function render(lang: Lang): Promise<string> {
  // Hono JSX stringifies to a string, or to a promise of one if a component is async.
  return await jsx(PolicyDocument, {
    declaration: seedPolicy,
    version: seedVersion,
    lang,
  }).toString();
}

/** The page's text without its table of contents, which repeats every heading first. */
function bodyText(html: string): string {
  return htmlToLines(html.replace(/<nav[\s\S]*?<\/nav>/, '')).join('\n');
}

/** Asserts that each needle occurs in the text after the previous one. */
function assertInOrder(text: string, needles: string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    assert.ok(at >= 0, `"${needle}" missing after position ${from}`);
    from = at + needle.length;
  }
}

const h2s = (html: string) => [...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);
const sectionIds = (html: string) => [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

test('the headings taken for the checks are lines of the seed', () => {
  for (const heading of [...seedHeadingsInOrder, ...seedSectionHeadings]) {
    assert.ok(seedLines.includes(heading), heading);
  }
});

test('the Korean page has every section of the seed, in its order', async () => {
  const html = await render('ko');
  const purposes = seedPolicy.sections.find((s) => s.id === 'purposes')?.heading.ko;
  assert.deepEqual(
    h2s(html).filter((heading) => heading !== purposes),
    seedSectionHeadings,
  );
  assertInOrder(bodyText(html), seedHeadingsInOrder);
});

test('the Korean page lists every processor and its task, in the seed order', async () => {
  const start = seedLines.indexOf('개인정보 이용기간') + 1;
  const end = seedLines.indexOf('정보주체와 법정대리인의 권리/의무 및 그 행사방법에 관한 사항');
  const rows = seedLines.slice(start, end).filter((line) => line.length > 0);
  const expected: string[] = [];
  for (let i = 0; i + 1 < rows.length; i += 3) {
    const name = rows[i] as string;
    expected.push(restored[name] ?? name, rows[i + 1] as string);
  }
  assert.equal(expected.length, 22);
  assertInOrder(bodyText(await render('ko')), expected);
});

test('the Korean page lists every collected item', async () => {
  const text = bodyText(await render('ko'));
  const itemsSection = text.slice(text.indexOf('처리하는 개인정보의 항목'));
  assertInOrder(itemsSection, seedItems);
  assertInOrder(itemsSection, ['법정대리인 성명', '법정대리인 연락처']);
});

test('the English page has the same sections and table rows as the Korean', async () => {
  const [ko, en] = [await render('ko'), await render('en')];
  assert.deepEqual(sectionIds(en), sectionIds(ko));
  assert.equal(sectionIds(ko).length, seedPolicy.sections.length);
  assert.equal(count(en, /<tr>/g), count(ko, /<tr>/g));
  assert.equal(count(en, /<h3>/g), count(ko, /<h3>/g));
  assert.match(en, /<h2[^>]*>Outsourcing of processing<\/h2>/);
});

test('every table has a caption and column headings', async () => {
  const html = await render('ko');
  const tables = count(html, /<table/g);
  assert.ok(tables >= 5);
  assert.equal(count(html, /<caption>/g), tables);
  assert.equal(count(html, /<thead>/g), tables);
});

test('the table of contents links to each section', async () => {
  const html = await render('en');
  const nav = /<nav class="toc" aria-label="Contents">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  const links = [...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(links, sectionIds(html));
});

test('numbers and dates come from the data, with no placeholder left', async () => {
  for (const lang of ['ko', 'en'] as const) {
    const html = await render(lang);
    assert.doesNotMatch(html, /\{\w+\}/);
  }
  const text = bodyText(await render('ko'));
  for (const phrase of [
    '만14세 미만',
    '개정 최소 7일전부터',
    '106대',
    '24시간 촬영',
    '1개월',
    '10년',
  ]) {
    assert.ok(text.includes(phrase), phrase);
  }
  const lastLines = text.split('\n').slice(-2);
  assert.deepEqual(lastLines, ['공고일자: 2021-07-30', '시행일자: 2021-08-06']);
});
