import type { Lang } from '../../platform/i18n.ts';

/**
 * The words the policy page adds around the declaration's own text: table
 * headings, field labels, units. Korean headings follow the seed's wording.
 */
const ko = {
  tableOfContents: '목차',
  legalBasis: '근거',
  processorsCaption: '개인정보 처리 위탁 현황',
  processorColumns: { name: '수탁업체', task: '위탁업무내용', until: '개인정보 이용기간' },
  medicalRecordsCaption: '의료법에 따른 진료기록 보존기간',
  medicalRecordColumns: { record: '기록', period: '보존기간', basis: '근거' },
  medicalRecordsRunsFrom: { last_entry: '마지막 기록일', creation: '작성일' },
  medicalRecordsRule: (runsFrom: string, when: string, times: number, basis: string) =>
    `보존기간은 ${runsFrom}부터 계산합니다. ${when}에는 ${times}회에 한정하여 같은 기간의 범위에서 연장하여 보존할 수 있습니다(${basis}).`,
  deadline: (days: number, basis: string) =>
    `처리 기한: 요구를 받은 날부터 ${days}일 이내 (${basis})`,
  bodyFields: { duties: '소관업무', website: '홈페이지', phone: '전화', address: '주소' },
  phoneWithNote: (phone: string, note: string) => `(${note}) ${phone}`,
  itemsCaption: '수집하는 항목',
  itemColumns: { item: '항목', requirement: '구분', detail: '비고' },
  requirement: { required: '필수항목', optional: '선택항목' },
  officerColumns: {
    name: '이름',
    title: '직위',
    department: '소속',
    phone: '전화번호',
    email: '메일',
  },
  officerCaptions: { officer: '책임자', staff: '담당자' },
  cctvFactsCaption: '영상정보처리기기 운영 현황',
  cctvFactColumns: { fact: '구분', value: '내용' },
  cctvFacts: {
    cameraCount: '설치대수',
    recordingHours: '촬영시간',
    locations: '촬영장소',
    retention: '보관기간',
    storagePlace: '보관장소',
  },
  cameraCount: (n: number) => `${n}대`,
  recordingHours: (hours: number) => `${hours}시간 촬영`,
  storedAt: '저장장소',
  announcedOn: '공고일자',
  effectiveOn: '시행일자',
  diff: {
    versions: (from: string, to: string) => `${from} 버전과 ${to} 버전의 비교`,
    effective: (date: string) => `시행 ${date}`,
    changedSections: '변경된 항목',
    unchangedSections: '변경 없는 항목',
    noChanges: '두 버전의 내용이 같습니다.',
    dataOnly: '게시문은 같고, 이 항목의 선언 데이터(처리 항목, 목적 등)가 바뀌었습니다.',
    removed: '삭제',
    added: '추가',
    skipped: '…',
  },
};

export type Messages = typeof ko;

const en: Messages = {
  tableOfContents: 'Contents',
  legalBasis: 'Legal basis',
  processorsCaption: 'Processors',
  processorColumns: { name: 'Processor', task: 'Outsourced task', until: 'Period of use' },
  medicalRecordsCaption: 'Retention of medical records under the Medical Service Act',
  medicalRecordColumns: { record: 'Record', period: 'Kept for', basis: 'Legal basis' },
  medicalRecordsRunsFrom: { last_entry: 'the last entry', creation: 'the day it was made' },
  medicalRecordsRule: (runsFrom, when, times, basis) =>
    `Each period runs from ${runsFrom}. ${when[0]?.toUpperCase()}${when.slice(1)}, it may be extended ${times === 1 ? 'once' : `${times} times`}, by no more than the same period (${basis}).`,
  deadline: (days, basis) => `Answered within ${days} days of the request (${basis})`,
  bodyFields: {
    duties: 'Responsibilities',
    website: 'Website',
    phone: 'Telephone',
    address: 'Address',
  },
  phoneWithNote: (phone, note) => `${phone} (${note})`,
  itemsCaption: 'Items collected',
  itemColumns: { item: 'Item', requirement: 'Required or optional', detail: 'Note' },
  requirement: { required: 'Required', optional: 'Optional' },
  officerColumns: {
    name: 'Name',
    title: 'Position',
    department: 'Department',
    phone: 'Telephone',
    email: 'E-mail',
  },
  officerCaptions: { officer: 'Privacy officer', staff: 'Privacy staff' },
  cctvFactsCaption: 'CCTV at a glance',
  cctvFactColumns: { fact: 'Fact', value: 'Details' },
  cctvFacts: {
    cameraCount: 'Cameras',
    recordingHours: 'Recording hours',
    locations: 'Places recorded',
    retention: 'Kept for',
    storagePlace: 'Stored in',
  },
  cameraCount: (n) => `${n} camera${n === 1 ? '' : 's'}`,
  recordingHours: (hours) =>
    hours === 24 ? 'Around the clock (24 hours)' : `${hours} hours a day`,
  storedAt: 'Stored in',
  announcedOn: 'Announced on',
  effectiveOn: 'Effective from',
  diff: {
    versions: (from, to) => `Version ${from} compared with version ${to}`,
    effective: (date) => `effective ${date}`,
    changedSections: 'Changed sections',
    unchangedSections: 'Unchanged sections',
    noChanges: 'The two versions say the same.',
    dataOnly:
      "The published text is the same; this section's declared data (items, purposes and the like) changed.",
    removed: 'Removed',
    added: 'Added',
    skipped: '…',
  },
};

export const policyMessages: Record<Lang, Messages> = { ko, en };
