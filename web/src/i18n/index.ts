import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import * as common from './common';
import * as auth from '../auth/i18n';
import * as onboarding from '../onboarding/i18n';
import * as profile from '../profile/i18n';
import type { BackendModule } from 'i18next';

type Words = { ko: object; en: object };

// The words every first visit needs travel in the first bundle; each feature's words load with its pages, so the
// first load does not carry every page's sentences in two languages.
export const bundled = { common, auth, onboarding, profile };

export const featureWords: Record<string, () => Promise<Words>> = {
  learner: () => import('../learner/i18n'),
  exams: () => import('../learner/exams/i18n'),
  certificates: () => import('../certificates/i18n'),
  board: () => import('../board/i18n'),
  teachback: () => import('../teachback/i18n'),
  studio: () => import('../live/studio/i18n'),
  live: () => import('../live/i18n'),
  corpProvisions: () => import('../company/provisions/i18n'),
  instInbox: () => import('../institution/inbox/i18n'),
  instExams: () => import('../institution/exams/i18n'),
  instTopics: () => import('../institution/topics/i18n'),
  instBoards: () => import('../institution/boards/i18n'),
  instProfile: () => import('../institution/profile/i18n'),
  instCourses: () => import('../institution/courses/i18n'),
  dashboards: () => import('../dashboards/i18n'),
  corpProfile: () => import('../company/profile/i18n'),
  admin: () => import('../admin/i18n'),
};

const loadFeatureWords: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, namespace, callback) => {
    const load = featureWords[namespace];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then((words) => callback(null, words[language as Language] ?? words.ko), (error: Error) => callback(error, false));
  },
};

export type Language = 'ko' | 'en';
const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('lms.language');
export const initialLanguage: Language = stored === 'en' ? 'en' : 'ko';

function bundle(language: Language) {
  return Object.fromEntries(Object.entries(bundled).map(([name, words]) => [name, words[language]]));
}

void i18n.use(loadFeatureWords).use(initReactI18next).init({
  resources: { ko: bundle('ko'), en: bundle('en') },
  partialBundledLanguages: true,
  lng: initialLanguage,
  fallbackLng: 'ko',
  defaultNS: 'common',
  ns: Object.keys(bundled),
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(language: Language) {
  localStorage.setItem('lms.language', language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

export default i18n;
