import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { dashboardsEn, dashboardsZhCN } from './dashboards.js';
import { rulesEn, rulesZhCN } from './rules.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

export type Language = 'zh-CN' | 'en';
const STORAGE_KEY = 'parley.language';

/** Chinese unless the analyst chose English before (kept in localStorage). */
export function initialLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

export async function setLanguage(lang: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}

export const i18n = i18next;

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: { ...zhCN, ...dashboardsZhCN, ...rulesZhCN } }, en: { translation: { ...en, ...dashboardsEn, ...rulesEn } } },
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});
