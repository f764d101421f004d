/** English messages of the plans pages. */
export const plansEn = {
  'plans.placeholder': 'Plans',
};
