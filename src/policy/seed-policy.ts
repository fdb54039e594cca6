import type { PolicyDeclaration, VersionDates } from './declaration.ts';
import { cctv, cookies } from './seed/devices.ts';
import { items } from './seed/items.ts';
import { destruction, officer, safeguards } from './seed/operations.ts';
import { processors, thirdParty } from './seed/processors.ts';
import { processingPurposes } from './seed/purposes.ts';
import { retention } from './seed/retention.ts';
import { children, rights } from './seed/rights.ts';
import { closing, sections } from './seed/sections.ts';

/**
 * W여성병원's privacy policy as published (announced 2021-07-30), as data.
 * Korean follows the published text, with the characters lost in scraping
 * restored ((주), middle dots, 4층); English is our translation.
 */
export const seedPolicy: PolicyDeclaration = {
  hospital: { name: { ko: 'W여성병원', en: "W Women's Hospital" } },
  title: { ko: '개인정보처리방침', en: 'Privacy Policy' },
  sections,
  intro: {
    text: {
      ko: '이 방침은 {hospital}(이하 "병원")이 개인정보를 어떻게 처리하는지 알려 드립니다.',
      en: 'This policy tells you how {hospital} ("the Hospital") processes personal information.',
    },
    legalBasis: ['개인정보 보호법 제30조제1항'],
  },
  processingPurposes,
  retention,
  thirdParty,
  processors,
  rights,
  children,
  items,
  destruction,
  officer,
  safeguards,
  cookies,
  cctv,
  ...closing,
};

/** Dates of the seed version, as Korean calendar dates (Asia/Seoul). */
export const seedVersion: VersionDates = {
  label: '2021-08-06',
  announcedOn: '2021-07-30',
  effectiveOn: '2021-08-06',
};
