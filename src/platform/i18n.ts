/** Languages the user interface speaks: Korean first, English second. */
export const languages = ['ko', 'en'] as const;
export type Lang = (typeof languages)[number];

/** A piece of text shown to people, in every language we publish. */
export interface L10n {
  ko: string;
  en: string;
}

export function parseLang(value: string | undefined | null): Lang {
  return value === 'en' ? 'en' : 'ko';
}

export function pick(text: L10n, lang: Lang): string {
  return text[lang];
}
