import { useMemo, type SelectHTMLAttributes } from 'react';
import { COUNTRY_CODES } from '@kinga/shared/picklists';
import { useLanguage } from '../i18n/i18n.tsx';
import { countryName } from '../i18n/vocab.ts';

type CountryCode = (typeof COUNTRY_CODES)[number];

/** Countries most often on a Kenyan case (neighbours and the main destinations), offered first. */
const FREQUENT: readonly string[] = [
  'KE',
  'UG',
  'TZ',
  'ET',
  'SO',
  'SS',
  'RW',
  'BI',
  'CD',
  'SA',
  'AE',
  'QA',
  'OM',
  'LB',
  'MM',
];

function isCountryCode(value: string): value is CountryCode {
  return (COUNTRY_CODES as readonly string[]).includes(value);
}

/**
 * A country picker: names from Intl in the reader's language, sorted by name, the region's
 * frequent countries first. A native select, so typing a name's first letters jumps to it.
 */
export function CountrySelect({
  value,
  onChange,
  placeholder,
  exclude = [],
  ...rest
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: CountryCode | '';
  onChange: (code: CountryCode | '') => void;
  placeholder: string;
  /** Codes not to offer (e.g. those already chosen). */
  exclude?: readonly string[];
}) {
  const { t, language, locale } = useLanguage();
  const sorted = useMemo(() => {
    const collator = new Intl.Collator(locale);
    return COUNTRY_CODES.map((code) => ({ code, name: countryName(language, code) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
  }, [language, locale]);
  const offered = (code: string) => code === value || !exclude.includes(code);
  return (
    <select {...rest} value={value} onChange={(e) => onChange(isCountryCode(e.target.value) ? e.target.value : '')}>
      <option value="">{placeholder}</option>
      <optgroup label={t('intake.country.frequent')}>
        {COUNTRY_CODES.filter((code) => FREQUENT.includes(code) && offered(code))
          .sort((a, b) => FREQUENT.indexOf(a) - FREQUENT.indexOf(b))
          .map((code) => (
            <option key={`frequent-${code}`} value={code}>
              {countryName(language, code)}
            </option>
          ))}
      </optgroup>
      <optgroup label={t('intake.country.all')}>
        {sorted
          .filter((c) => offered(c.code))
          .map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
      </optgroup>
    </select>
  );
}
