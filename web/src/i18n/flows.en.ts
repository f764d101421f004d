/** English messages of the trafficking flows page. */
export const flowsEn = {
  'flows.title': 'Trafficking flows',
};
