/** English messages of data releases (k-anonymous and differentially private synthetic). */
export const releasesEn = {
  'releases.title': 'Data releases',
};
