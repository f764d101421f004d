import { COUNTRY_PROFILES, type CountryProfile } from '@kinga/shared';
import { validationFailed } from './http/errors.ts';

/** The country profile the instance is configured for. */
export function countryProfile(iso2: string): CountryProfile {
  const profile = COUNTRY_PROFILES[iso2];
  if (!profile) throw new Error(`No country profile for ${iso2}`);
  return profile;
}

/** Refuses a county code that the configured country does not have. */
export function assertCounty(iso2: string, code: number | null | undefined, path: string): void {
  if (code === null || code === undefined) return;
  if (!countryProfile(iso2).counties.some((c) => c.code === code)) {
    throw validationFailed([{ path, message: 'Unknown county', code: 'unknown_county' }]);
  }
}
