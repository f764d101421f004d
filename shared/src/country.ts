/** Country profile: the first-level administrative areas of the configured country (Kenya's 47 counties by default). */
export interface County {
  code: number;
  name: string;
  /** A point inside the county, where the partner map draws it when no boundaries were uploaded. */
  centre?: { lat: number; lon: number };
}

// Centres: the `center` of each county in dist/json/kenyacounties.json of the `kenya` npm
// package 1.7.1 (https://github.com/gaithoben/kenya, MIT licence), copied here, not a dependency.
export const KENYA_COUNTIES: readonly County[] = [
  { code: 1, name: 'Mombasa', centre: { lat: -4.018804, lon: 39.650008 } },
  { code: 2, name: 'Kwale', centre: { lat: -4.18069, lon: 39.189782 } },
  { code: 3, name: 'Kilifi', centre: { lat: -3.172886, lon: 39.686064 } },
  { code: 4, name: 'Tana River', centre: { lat: -1.52392, lon: 39.417254 } },
  { code: 5, name: 'Lamu', centre: { lat: -2.076227, lon: 40.882258 } },
  { code: 6, name: 'Taita-Taveta', centre: { lat: -3.432282, lon: 38.417981 } },
  { code: 7, name: 'Garissa', centre: { lat: -0.486457, lon: 40.198663 } },
  { code: 8, name: 'Wajir', centre: { lat: 1.810593, lon: 40.034371 } },
  { code: 9, name: 'Mandera', centre: { lat: 3.438921, lon: 40.738195 } },
  { code: 10, name: 'Marsabit', centre: { lat: 2.981109, lon: 37.568928 } },
  { code: 11, name: 'Isiolo', centre: { lat: 1.012898, lon: 38.541539 } },
  { code: 12, name: 'Meru', centre: { lat: 0.169236, lon: 37.763423 } },
  { code: 13, name: 'Tharaka-Nithi', centre: { lat: -0.204605, lon: 37.869684 } },
  { code: 14, name: 'Embu', centre: { lat: -0.601522, lon: 37.625887 } },
  { code: 15, name: 'Kitui', centre: { lat: -1.488585, lon: 38.406306 } },
  { code: 16, name: 'Machakos', centre: { lat: -1.277062, lon: 37.412018 } },
  { code: 17, name: 'Makueni', centre: { lat: -2.155226, lon: 37.787627 } },
  { code: 18, name: 'Nyandarua', centre: { lat: -0.319613, lon: 36.482261 } },
  { code: 19, name: 'Nyeri', centre: { lat: -0.34047, lon: 36.955864 } },
  { code: 20, name: 'Kirinyaga', centre: { lat: -0.522295, lon: 37.319254 } },
  { code: 21, name: "Murang'a", centre: { lat: -0.807137, lon: 37.032107 } },
  { code: 22, name: 'Kiambu', centre: { lat: -1.066267, lon: 36.822947 } },
  { code: 23, name: 'Turkana', centre: { lat: 3.427307, lon: 35.435139 } },
  { code: 24, name: 'West Pokot', centre: { lat: 1.742564, lon: 35.24323 } },
  { code: 25, name: 'Samburu', centre: { lat: 1.319312, lon: 37.117774 } },
  { code: 26, name: 'Trans-Nzoia', centre: { lat: 1.053408, lon: 34.956803 } },
  { code: 27, name: 'Uasin Gishu', centre: { lat: 0.528546, lon: 35.321396 } },
  { code: 28, name: 'Elgeyo-Marakwet', centre: { lat: 0.804673, lon: 35.535949 } },
  { code: 29, name: 'Nandi', centre: { lat: 0.189143, lon: 35.109878 } },
  { code: 30, name: 'Baringo', centre: { lat: 0.6717, lon: 35.945852 } },
  { code: 31, name: 'Laikipia', centre: { lat: 0.326057, lon: 36.771121 } },
  { code: 32, name: 'Nakuru', centre: { lat: -0.461222, lon: 36.077847 } },
  { code: 33, name: 'Narok', centre: { lat: -1.252328, lon: 35.575712 } },
  { code: 34, name: 'Kajiado', centre: { lat: -2.118928, lon: 36.908224 } },
  { code: 35, name: 'Kericho', centre: { lat: -0.293278, lon: 35.313456 } },
  { code: 36, name: 'Bomet', centre: { lat: -0.723839, lon: 35.297988 } },
  { code: 37, name: 'Kakamega', centre: { lat: 0.406141, lon: 34.7439 } },
  { code: 38, name: 'Vihiga', centre: { lat: 0.078717, lon: 34.721702 } },
  { code: 39, name: 'Bungoma', centre: { lat: 0.75174, lon: 34.639847 } },
  { code: 40, name: 'Busia', centre: { lat: 0.389894, lon: 34.193014 } },
  { code: 41, name: 'Siaya', centre: { lat: -0.059673, lon: 34.247028 } },
  { code: 42, name: 'Kisumu', centre: { lat: -0.167005, lon: 34.834589 } },
  { code: 43, name: 'Homa Bay', centre: { lat: -0.540355, lon: 34.358386 } },
  { code: 44, name: 'Migori', centre: { lat: -0.987079, lon: 34.362727 } },
  { code: 45, name: 'Kisii', centre: { lat: -0.772149, lon: 34.774106 } },
  { code: 46, name: 'Nyamira', centre: { lat: -0.64027, lon: 34.964044 } },
  { code: 47, name: 'Nairobi', centre: { lat: -1.290909, lon: 36.867507 } },
];

export interface CountryProfile {
  iso2: string;
  name: string;
  counties: readonly County[];
  casePrefix: string;
  /** ISO 4217 code of plan budgets. */
  currency: string;
}

export const COUNTRY_PROFILES: Record<string, CountryProfile> = {
  KE: { iso2: 'KE', name: 'Kenya', counties: KENYA_COUNTIES, casePrefix: 'KE', currency: 'KES' },
};
