import { KENYA_COUNTIES, type County } from '@kinga/shared/picklists';
import type { InstanceDto } from '@kinga/shared';
import type { Translate } from '../../i18n/i18n.tsx';
import { casesEn } from '../../i18n/cases.en.ts';

/**
 * A calendar date (YYYY-MM-DD) in the reader's locale. Read as UTC so that no time zone
 * moves it to the day before.
 */
export function formatDay(date: string | null, locale: string): string {
  if (!date) return '';
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(parsed);
}

/** Today's date in the reader's time zone, as YYYY-MM-DD (for date inputs' min). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The counties of the configured country; Kenya's when the instance names none. */
export function countiesOf(instance: InstanceDto): readonly County[] {
  return instance.counties.length > 0 ? instance.counties : KENYA_COUNTIES;
}

/** A file size for people: "320 kB", "1.4 MB". */
export function formatFileSize(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(
    value,
  );
}

function isCasesKey(key: string): key is keyof typeof casesEn {
  return Object.hasOwn(casesEn, key);
}

/** The name of an audited action in the reader's language; the action's code when it has none. */
export function caseActionLabel(t: Translate, action: string): string {
  const key = `caseAction.${action}`;
  // Every key of casesEn is a catalogue key (en.ts spreads it), so `t` accepts it as is.
  return isCasesKey(key) ? t(key) : action;
}
