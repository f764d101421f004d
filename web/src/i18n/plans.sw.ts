import type { plansEn } from './plans.en.ts';

/** Swahili messages of the plans pages. */
export const plansSw: Record<keyof typeof plansEn, string> = {
  'plans.placeholder': 'Plans',
};
