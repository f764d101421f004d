import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LANGUAGES, type Language } from '@kinga/shared/picklists';
import { en, type MessageKey } from './en.ts';
import { sw } from './sw.ts';
import { interpolate } from './interpolate.ts';

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, sw };
const STORAGE_KEY = 'kinga.lang';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The language before anyone signs in: the stored choice, else the browser's, else English. */
function detectLanguage(): Language {
  const stored = readStoredLanguage();
  if (stored) return stored;
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

interface LanguageContextValue {
  language: Language;
  /** Switches the interface language and remembers it on this device. */
  setLanguage: (language: Language) => void;
  t: Translate;
  /** Locale for Intl formatting of dates and numbers. */
  locale: string;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(detectLanguage);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing can refuse storage; the choice still holds for this visit.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<LanguageContextValue>(() => {
    const catalogue = CATALOGUES[language];
    return {
      language,
      setLanguage,
      t: (key, values) => interpolate(catalogue[key] ?? en[key], values),
      locale: language === 'sw' ? 'sw-KE' : 'en-KE',
    };
  }, [language, setLanguage]);

  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

/** The current language, its switcher and locale. */
export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage must be used inside LanguageProvider');
  return value;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useLanguage().t;
}
