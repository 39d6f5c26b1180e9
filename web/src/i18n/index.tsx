/**
 * Chinese and English labels: a typed dictionary (en.ts is the reference; zh.ts must have every
 * key, checked by the compiler). `t('key', { n: 3 })` fills `{n}` placeholders. The locale is
 * kept in localStorage and set on <html lang> for screen readers.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey } from './en';
import { zh } from './zh';

export type Locale = 'zh' | 'en';
export type { MessageKey };
const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, zh };
const storageKey = 'cxgov.locale';

function initialLocale(): Locale {
  // The customer's survey page opens in Chinese whatever a staff member chose on this browser (its switch still works).
  if (window.location.pathname.startsWith('/survey/')) return 'zh';
  const saved = localStorage.getItem(storageKey);
  if (saved === 'zh' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  setLocale(l: Locale): void;
  t: Translate;
  /** A label for a vocabulary value (stage, status, …) when the dictionary has one. */
  label(prefix: string, value: string): string;
  /** BCP 47 tag for Intl formatting. */
  tag: string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [locale]);
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(storageKey, l);
    setLocaleState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[locale];
    const t: Translate = (key, vars) => {
      let s = dict[key] ?? en[key] ?? key;
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
      return s;
    };
    const label = (prefix: string, value: string) => (dict as Record<string, string>)[`${prefix}.${value}`] ?? value;
    return { locale, setLocale, t, label, tag: locale === 'zh' ? 'zh-CN' : 'en-GB' };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
