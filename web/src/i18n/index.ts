import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import * as common from './common';
import * as auth from '../auth/i18n';
import * as onboarding from '../onboarding/i18n';
import * as profile from '../profile/i18n';
import * as studio from '../live/studio/i18n';
import * as learner from '../learner/i18n';
import * as exams from '../learner/exams/i18n';
import * as certificates from '../certificates/i18n';
import * as board from '../board/i18n';
import * as teachback from '../teachback/i18n';
import * as live from '../live/i18n';

// One namespace per feature folder; each folder keeps its Korean and English words in its own i18n.ts.
export const namespaces = { common, auth, onboarding, profile, learner, exams, certificates, board, teachback, studio, live };

export type Language = 'ko' | 'en';
const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('lms.language');
export const initialLanguage: Language = stored === 'en' ? 'en' : 'ko';

function bundle(language: Language) {
  return Object.fromEntries(Object.entries(namespaces).map(([name, words]) => [name, words[language]]));
}

void i18n.use(initReactI18next).init({
  resources: { ko: bundle('ko'), en: bundle('en') },
  lng: initialLanguage,
  fallbackLng: 'ko',
  defaultNS: 'common',
  ns: Object.keys(namespaces),
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(language: Language) {
  localStorage.setItem('lms.language', language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

export default i18n;
