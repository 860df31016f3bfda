/**
 * Language: Korean by default, English on request (kept in localStorage). `useI18n()` gives the
 * message catalog `m` (typed: a missing key does not compile), `format()` for `{placeholders}` and
 * number/date formatting in the chosen locale. The <html lang> attribute follows the language.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ko, type Messages } from './ko';
import { en } from './en';

export type Lang = 'ko' | 'en';
const catalogs: Record<Lang, Messages> = { ko, en };
const STORAGE_KEY = 'bsc.lang';

export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));
}

export interface I18n {
  lang: Lang;
  locale: string;
  m: Messages;
  setLang(lang: Lang): void;
  format: typeof format;
  /** A number with thousands separators (and at most `digits` decimals). */
  num(n: number | null | undefined, digits?: number): string;
  /** An amount in KRW: "1,234,000원" / "KRW 1,234,000". */
  krw(n: number | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'ko' || saved === 'en') return saved;
  } catch {
    /* storage blocked */
  }
  return 'ko';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* storage blocked */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const m = catalogs[lang];
    const locale = lang === 'ko' ? 'ko-KR' : 'en-US';
    const formatters = new Map<number, Intl.NumberFormat>();
    const num = (n: number | null | undefined, digits = 2) => {
      if (n === null || n === undefined || !Number.isFinite(n)) return m.common.dash;
      let f = formatters.get(digits);
      if (!f) formatters.set(digits, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
      return f.format(n);
    };
    return {
      lang,
      locale,
      m,
      setLang,
      format,
      num,
      krw: (n) => (n === null || n === undefined ? m.common.dash : format(m.common.krw, { amount: num(n, 0) })),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
