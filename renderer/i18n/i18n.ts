import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './de';
import { en } from './en';
import { nl } from './nl';
import { LANGUAGES } from '../../host/contract';
import type { Language } from '../../host/contract';

export { LANGUAGES };
export type { Language };

/** 'nl-NL', 'de_AT', 'EN' → a language we have; anything else → English. */
export function normaliseLanguage(tag: string | undefined): Language {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((l) => l === base) ?? 'en';
}

export const i18n: I18n = i18next.createInstance();

export function initI18n(language: Language): void {
  if (i18n.isInitialized) {
    void i18n.changeLanguage(language);
    return;
  }
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, de: { translation: de }, nl: { translation: nl } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
}
