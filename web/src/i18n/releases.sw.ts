import type { releasesEn } from './releases.en.ts';

/** Swahili messages of data releases (k-anonymous and differentially private synthetic). */
export const releasesSw: Record<keyof typeof releasesEn, string> = {
  'releases.title': 'Matoleo ya data',
};
