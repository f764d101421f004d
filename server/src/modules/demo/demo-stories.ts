import {
  KENYA_COUNTIES,
  type CONTROL_METHODS,
  type CountryCode,
  type ExploitationType,
  type IloIndicator,
  type LABOUR_INDUSTRIES,
  type PalermoAct,
  type PalermoMeans,
  type PalermoPurpose,
  type PERSON_LANGUAGES,
  type RECRUITMENT_METHODS,
  type RELATIONSHIPS_TO_TRAFFICKER,
  type ServiceType,
  type WEBSITES_AND_APPS,
} from '@kinga/shared';
import type { Rng, Weighted } from './demo-random.ts';

/**
 * The people of the demo case load and what happened to them, before any agency met them:
 * who they are, where they were recruited, how they were moved and exploited, and what they
 * need. Patterns follow the product brief's account of Kenya. Names are drawn independently
 * (given name, middle name, surname) from lists of common names, so no combination is a real
 * person's on purpose.
 */

export const TRAFFICKING_PATTERNS = [
  /** Kenyans in domestic (or other low-paid) work in Saudi Arabia, the UAE, Qatar, Oman or Lebanon. */
  'gulf_domestic',
  /** Rural counties to Nairobi, Mombasa or Kisumu for domestic labour, mostly children. */
  'internal_domestic',
  /** Rural counties to Nairobi and the coast for commercial sexual exploitation. */
  'internal_sexual',
  /** Ethiopians and Somalis moved through Kenya towards southern Africa. */
  'foreign_transit',
  /** Ugandans, Burundians, Ethiopians and Somalis exploited in Kenya. */
  'foreign_in_kenya',
  /** Kenyan children in mining, fishing, begging or child marriage. */
  'local_child',
] as const;
export type TraffickingPattern = (typeof TRAFFICKING_PATTERNS)[number];

export type Gender = 'Feminine' | 'Masculine';
export type ControlMethod = (typeof CONTROL_METHODS)[number];
type RecruitmentMethod = (typeof RECRUITMENT_METHODS)[number];
type Website = (typeof WEBSITES_AND_APPS)[number];
type Relationship = (typeof RELATIONSHIPS_TO_TRAFFICKER)[number];
type LabourIndustry = (typeof LABOUR_INDUSTRIES)[number];
export type PersonLanguage = (typeof PERSON_LANGUAGES)[number];

// ---- people and places --------------------------------------------------------------------------

export type NameGroupKey =
  | 'luhya'
  | 'luo'
  | 'kisii'
  | 'mijikenda'
  | 'swahili'
  | 'turkana'
  | 'kikuyu'
  | 'kamba'
  | 'kalenjin'
  | 'amhara'
  | 'oromo'
  | 'somali'
  | 'ganda'
  | 'rundi';

export interface NameGroup {
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
  /** Christian given names are common first names in this group. */
  christian: boolean;
  languages: readonly PersonLanguage[];
}

export const KENYAN_FEMALE = [
  'Mary',
  'Faith',
  'Mercy',
  'Grace',
  'Esther',
  'Beatrice',
  'Caroline',
  'Diana',
  'Purity',
  'Sharon',
  'Winnie',
  'Brenda',
  'Lilian',
  'Everlyne',
  'Janet',
  'Maureen',
  'Linet',
  'Vivian',
  'Cynthia',
  'Eunice',
];
export const KENYAN_MALE = [
  'John',
  'Brian',
  'Kevin',
  'Dennis',
  'Collins',
  'Emmanuel',
  'Samuel',
  'Victor',
  'Felix',
  'Geoffrey',
  'Moses',
  'Isaac',
];

export const NAME_GROUPS: Record<NameGroupKey, NameGroup> = {
  luhya: {
    female: ['Nafula', 'Nekesa', 'Naliaka', 'Nasimiyu', 'Nanjala', 'Khavere', 'Muhonja', 'Nabwire', 'Namalwa'],
    male: ['Wafula', 'Wekesa', 'Simiyu', 'Wanyama', 'Masinde', 'Wanjala', 'Shikuku', 'Khaemba'],
    surnames: ['Wafula', 'Wekesa', 'Barasa', 'Simiyu', 'Wanyama', 'Masinde', 'Makokha', 'Wesonga', 'Mulama'],
    christian: true,
    languages: ['sw', 'other'],
  },
  luo: {
    female: ['Achieng', 'Atieno', 'Akinyi', 'Adhiambo', 'Awino', 'Anyango', 'Akoth', 'Apiyo', 'Aoko'],
    male: ['Otieno', 'Odhiambo', 'Ouma', 'Okoth', 'Onyango', 'Owino', 'Oduor', 'Okello'],
    surnames: ['Otieno', 'Ouma', 'Okoth', 'Onyango', 'Ochieng', 'Omondi', 'Oduor', 'Opiyo', 'Oloo'],
    christian: true,
    languages: ['sw', 'luo'],
  },
  kisii: {
    female: ['Kerubo', 'Moraa', 'Kwamboka', 'Nyaboke', 'Bosibori', 'Kemunto', 'Nyanchama', 'Mokeira'],
    male: ['Nyakundi', 'Ondieki', 'Ogeto', 'Mokaya', 'Onsongo', 'Momanyi', 'Omwenga'],
    surnames: ['Nyakundi', 'Ondieki', 'Ogeto', 'Mokaya', 'Onsongo', 'Momanyi', 'Obare', 'Makori', 'Nyabuto'],
    christian: true,
    languages: ['sw', 'other'],
  },
  mijikenda: {
    female: ['Kadzo', 'Sidi', 'Dama', 'Kache', 'Zawadi', 'Riziki', 'Mejumaa', 'Furaha'],
    male: ['Kahindi', 'Katana', 'Kazungu', 'Charo', 'Baya', 'Karisa', 'Kenga'],
    surnames: ['Katana', 'Kazungu', 'Charo', 'Baya', 'Karisa', 'Ngala', 'Kenga', 'Thoya', 'Mwarandu'],
    christian: true,
    languages: ['sw', 'other'],
  },
  swahili: {
    female: ['Mwanaisha', 'Fatuma', 'Zainabu', 'Rehema', 'Saida', 'Mwanamisi', 'Khadija', 'Mwanajuma'],
    male: ['Hamisi', 'Juma', 'Bakari', 'Omari', 'Rashid', 'Salim', 'Athumani'],
    surnames: ['Bakari', 'Hamisi', 'Salim', 'Rashid', 'Mwinyi', 'Athman', 'Suleiman', 'Mwakio'],
    christian: false,
    languages: ['sw'],
  },
  turkana: {
    female: ['Akai', 'Akiru', 'Nakiru', 'Nakadio', 'Ajikon', 'Asekon', 'Natome', 'Akal'],
    male: ['Ekai', 'Lokol', 'Ekiru', 'Lomuria', 'Ewoi', 'Ebei', 'Lokwang'],
    surnames: ['Ekai', 'Lokol', 'Ekiru', 'Lomuria', 'Ewoi', 'Ebei', 'Lokwang', 'Nakwawi', 'Emuria'],
    christian: true,
    languages: ['sw', 'other'],
  },
  kikuyu: {
    female: ['Wanjiku', 'Njeri', 'Wambui', 'Nyambura', 'Wangari', 'Muthoni', 'Wangui', 'Nyokabi'],
    male: ['Mwangi', 'Kamau', 'Njoroge', 'Kariuki', 'Maina', 'Githinji', 'Kimani'],
    surnames: ['Mwangi', 'Kamau', 'Njoroge', 'Kariuki', 'Maina', 'Githinji', 'Kimani', 'Ndungu', 'Gitau'],
    christian: true,
    languages: ['sw', 'ki'],
  },
  kamba: {
    female: ['Mwende', 'Mutheu', 'Ndinda', 'Mumbua', 'Kalondu', 'Nduku', 'Syokau', 'Mwikali'],
    male: ['Mutua', 'Kioko', 'Mutiso', 'Muli', 'Kilonzo', 'Mwanzia', 'Ndambuki'],
    surnames: ['Mutua', 'Kioko', 'Mutiso', 'Muli', 'Kilonzo', 'Mwanzia', 'Ndambuki', 'Kyalo', 'Wambua'],
    christian: true,
    languages: ['sw', 'kam'],
  },
  kalenjin: {
    female: ['Chepkoech', 'Jepkosgei', 'Jeptoo', 'Cherono', 'Chelangat', 'Jepchirchir', 'Chepngetich'],
    male: ['Kiptoo', 'Cheruiyot', 'Kipkemboi', 'Kibet', 'Rotich', 'Kiprotich'],
    surnames: ['Kiptoo', 'Cheruiyot', 'Kipkemboi', 'Kibet', 'Rotich', 'Kiprotich', 'Sang', 'Korir', 'Bett'],
    christian: true,
    languages: ['sw', 'other'],
  },
  amhara: {
    female: ['Almaz', 'Tigist', 'Meron', 'Hiwot', 'Selam', 'Bethlehem', 'Tsehay', 'Mekdes', 'Genet'],
    male: ['Abebe', 'Dawit', 'Tesfaye', 'Getachew', 'Yonas', 'Mulugeta', 'Girma', 'Tadesse', 'Alemu'],
    surnames: ['Abebe', 'Tesfaye', 'Getachew', 'Mulugeta', 'Kebede', 'Girma', 'Tadesse', 'Alemu', 'Worku'],
    christian: false,
    languages: ['am'],
  },
  oromo: {
    female: ['Chaltu', 'Lensa', 'Ebise', 'Hawi', 'Gadise', 'Bontu', 'Obse'],
    male: ['Obsa', 'Gemechu', 'Tolosa', 'Lemma', 'Bekele', 'Dereje', 'Fayisa', 'Jilo'],
    surnames: ['Gemechu', 'Tolosa', 'Lemma', 'Bekele', 'Dereje', 'Fayisa', 'Jilo', 'Gutu', 'Waqo'],
    christian: false,
    languages: ['om', 'am'],
  },
  somali: {
    female: ['Hodan', 'Fadumo', 'Ayaan', 'Sahra', 'Ifrah', 'Khadra', 'Nasra', 'Ubah', 'Hibo', 'Sagal'],
    male: ['Abdi', 'Abdullahi', 'Ahmed', 'Farah', 'Warsame', 'Yusuf', 'Guled', 'Said', 'Liban'],
    surnames: ['Abdi', 'Mohamed', 'Abdullahi', 'Ahmed', 'Farah', 'Warsame', 'Yusuf', 'Omar', 'Aden', 'Ismail'],
    christian: false,
    languages: ['so'],
  },
  ganda: {
    female: ['Nakato', 'Namukasa', 'Nalubega', 'Nansubuga', 'Babirye', 'Namutebi', 'Nabirye', 'Nakimuli'],
    male: ['Kato', 'Mukasa', 'Kizza', 'Lubega', 'Ssekandi', 'Waiswa', 'Musoke'],
    surnames: ['Mukasa', 'Lubega', 'Ssekandi', 'Ssemakula', 'Musoke', 'Kiggundu', 'Waiswa', 'Nsubuga', 'Kasozi'],
    christian: true,
    languages: ['lg', 'en'],
  },
  rundi: {
    female: ['Aline', 'Claudine', 'Diane', 'Jeanine', 'Ange', 'Divine', 'Nadine', 'Esperance', 'Josiane'],
    male: ['Olivier', 'Eric', 'Jean-Claude', 'Fabrice', 'Pacifique', 'Thierry', 'Egide'],
    surnames: ['Niyonzima', 'Nshimirimana', 'Irakoze', 'Uwimana', 'Niyonkuru', 'Hakizimana', 'Bizimana', 'Ndikumana'],
    christian: false,
    languages: ['rn', 'fr'],
  },
};

interface CountyPlaces {
  towns: readonly string[];
  people: NameGroupKey;
}

/** Towns of the counties the scenarios use (Kenya's county codes). */
export const COUNTY_PLACES: Record<number, CountyPlaces> = {
  1: { towns: ['Likoni', 'Kisauni', 'Changamwe', 'Bamburi', 'Nyali'], people: 'swahili' },
  2: { towns: ['Ukunda', 'Msambweni', 'Kinango', 'Lunga Lunga'], people: 'mijikenda' },
  3: { towns: ['Malindi', 'Mtwapa', 'Kaloleni', 'Watamu', 'Mariakani'], people: 'mijikenda' },
  7: { towns: ['Garissa', 'Dadaab'], people: 'somali' },
  10: { towns: ['Moyale', 'Sololo'], people: 'oromo' },
  11: { towns: ['Isiolo', 'Merti'], people: 'oromo' },
  15: { towns: ['Mwingi', 'Mutomo', 'Kitui'], people: 'kamba' },
  16: { towns: ['Athi River', 'Kangundo', 'Matuu'], people: 'kamba' },
  21: { towns: ['Kangema', 'Kandara', 'Kenol'], people: 'kikuyu' },
  22: { towns: ['Thika', 'Ruiru', 'Githurai', 'Limuru'], people: 'kikuyu' },
  23: { towns: ['Lodwar', 'Kakuma', 'Lokichar', 'Lokichoggio'], people: 'turkana' },
  27: { towns: ['Eldoret', 'Burnt Forest', 'Turbo'], people: 'kalenjin' },
  32: { towns: ['Nakuru', 'Naivasha', 'Molo'], people: 'kikuyu' },
  34: { towns: ['Namanga', 'Kitengela'], people: 'kikuyu' },
  35: { towns: ['Kericho', 'Litein'], people: 'kalenjin' },
  37: { towns: ['Mumias', 'Butere', 'Malava', 'Lugari'], people: 'luhya' },
  38: { towns: ['Mbale', 'Luanda', 'Hamisi'], people: 'luhya' },
  39: { towns: ['Webuye', 'Kimilili', 'Chwele', 'Sirisia'], people: 'luhya' },
  40: { towns: ['Busia', 'Nambale', 'Port Victoria', 'Funyula', 'Malaba'], people: 'luhya' },
  41: { towns: ['Bondo', 'Ugunja', 'Usenge', 'Yala'], people: 'luo' },
  42: { towns: ['Nyalenda', 'Kondele', 'Ahero', 'Manyatta'], people: 'luo' },
  43: { towns: ['Mbita', 'Kendu Bay', 'Oyugis', 'Ndhiwa'], people: 'luo' },
  44: { towns: ['Rongo', 'Awendo', 'Isebania', 'Uriri'], people: 'luo' },
  45: { towns: ['Ogembo', 'Suneka', 'Keroka', 'Nyamache'], people: 'kisii' },
  46: { towns: ['Nyamira', 'Ekerenyo'], people: 'kisii' },
  47: { towns: ['Kibera', 'Kawangware', 'Mathare', 'Kayole', 'Umoja', 'Dandora'], people: 'kikuyu' },
};

/** Where Kenyan victims come from: the rural counties the brief names first. */
const SOURCE_COUNTIES: Weighted<number> = [
  [37, 10],
  [39, 9],
  [45, 8],
  [44, 7],
  [40, 7],
  [43, 7],
  [41, 7],
  [3, 8],
  [2, 6],
  [23, 5],
  [42, 3],
  [38, 3],
  [22, 3],
  [16, 3],
  [15, 2],
  [21, 2],
  [32, 2],
  [27, 2],
  [35, 1],
];
/** Counties the children's services office in Kisumu covers. */
const WESTERN_COUNTIES: Weighted<number> = [
  [37, 10],
  [39, 9],
  [40, 8],
  [41, 8],
  [43, 8],
  [44, 8],
  [45, 8],
  [42, 5],
  [38, 4],
  [46, 3],
  [23, 4],
];

/** Neighbourhoods where domestic workers and sexually exploited persons were found. */
const DESTINATION_PLACES: Record<number, { domestic: readonly string[]; sexual: readonly string[] }> = {
  47: {
    domestic: ['Kilimani', 'Lavington', 'Kileleshwa', 'South C', 'Karen', 'Buruburu', 'Kasarani', 'Runda'],
    sexual: ['Eastleigh', 'River Road', 'Kayole', 'Githurai 45', 'Ngara', 'Pipeline'],
  },
  1: { domestic: ['Nyali', 'Tudor', 'Kizingo', 'Bamburi'], sexual: ['Bamburi', 'Mombasa Old Town', 'Shanzu'] },
  3: { domestic: ['Malindi'], sexual: ['Mtwapa', 'Malindi', 'Watamu'] },
  2: { domestic: ['Ukunda'], sexual: ['Diani'] },
  42: { domestic: ['Milimani', 'Tom Mboya Estate'], sexual: ['Kondele', 'Nyalenda'] },
};

interface Destination {
  country: CountryCode;
  places: readonly string[];
  weight: number;
}
const GULF_DESTINATIONS: readonly Destination[] = [
  { country: 'SA', places: ['Riyadh', 'Jeddah', 'Dammam', 'Taif', 'Abha'], weight: 38 },
  { country: 'AE', places: ['Dubai', 'Abu Dhabi', 'Sharjah', 'Ajman'], weight: 18 },
  { country: 'QA', places: ['Doha', 'Al Wakrah', 'Al Rayyan'], weight: 12 },
  { country: 'OM', places: ['Muscat', 'Salalah', 'Sohar'], weight: 12 },
  { country: 'LB', places: ['Beirut', 'Jounieh', 'Tripoli', 'Sidon'], weight: 20 },
];

const COUNTY_NAMES = new Map(KENYA_COUNTIES.map((c) => [c.code, c.name]));

/** The name of a Kenyan county, by its code. */
export function countyName(code: number): string {
  return COUNTY_NAMES.get(code) ?? 'Kenya';
}

// ---- the story of one person ------------------------------------------------------------------

interface Stop {
  type: 'Recruitment' | 'Transit' | 'Exploitation';
  country: CountryCode;
  county: number | null;
  place: string;
}

const NAIROBI_BUS_STATION: Stop = { type: 'Transit', country: 'KE', county: 47, place: 'Nairobi bus station' };

export type Nationality = 'KE' | 'ET' | 'SO' | 'UG' | 'BI';

/** Everything the intake and the screening say about one person, before any agency is involved. */
export interface Story {
  pattern: TraffickingPattern;
  nationality: Nationality;
  people: NameGroupKey;
  gender: Gender;
  ageAtRecruitment: number;
  /** How long the exploitation lasted (or has lasted) before identification, in months. */
  monthsExploited: number;
  homeCounty: number | null;
  route: Stop[];
  /** Still abroad when a relative called the helpline. */
  stillAbroad: boolean;
  identifiedCounty: number | null;
  exploitationTypes: ExploitationType[];
  labourIndustry: LabourIndustry | null;
  sexual: boolean;
  controls: ControlMethod[];
  recruitment: RecruitmentMethod;
  websites: Website[];
  relationship: Relationship | null;
  recruiter: string;
  lure: string;
  purposes: PalermoPurpose[];
  means: PalermoMeans[];
  acts: PalermoAct[];
  /** The screener could not establish the purpose (intercepted before any exploitation). */
  intercepted: boolean;
  /** What the person told the screener, as the intake narrative. */
  narrative: string;
  /** Services the person needs, with how likely each is. */
  needs: Weighted<ServiceType>;
  languages: PersonLanguage[];
}

export interface Pronouns {
  She: string;
  she: string;
  her: string;
  Her: string;
  him: string;
}
export const FEMALE: Pronouns = { She: 'She', she: 'she', her: 'her', Her: 'Her', him: 'her' };
export const MALE: Pronouns = { She: 'He', she: 'he', her: 'his', Her: 'His', him: 'him' };
type Say = (p: Pronouns) => string;

/** One sentence per means of control, so narratives agree with the coded values. */
const CONTROL_SENTENCES: Partial<Record<ControlMethod, readonly Say[]>> = {
  WithholdsDocuments: [
    (p) => `${p.Her} passport was taken on arrival and never returned.`,
    (p) => `The employer kept ${p.her} passport and work permit "for safekeeping".`,
    (p) => `${p.Her} identity card was kept by the person who brought ${p.him}.`,
  ],
  TakesEarnings: [
    (p) => `${p.She} was paid for only a few of the months ${p.she} worked.`,
    (p) => `The wages ${p.she} was promised were never paid to ${p.him}.`,
    (p) => `Whatever ${p.she} earned was handed to the recruiter.`,
  ],
  ExcessiveWorkingHours: [
    (p) => `${p.She} worked from before dawn until after midnight, with no day off.`,
    (p) => `${p.She} worked seven days a week, often eighteen hours a day.`,
  ],
  PhysicalAbuse: [
    (p) => `${p.She} was beaten when ${p.she} asked to rest or to be paid.`,
    (p) => `${p.She} shows scars from beatings.`,
  ],
  SexualAbuse: [(p) => `${p.She} reports sexual abuse by a member of the household.`],
  WithholdsNecessities: [
    (p) => `${p.She} was given leftovers to eat and slept on the kitchen floor.`,
    (p) => `${p.She} was often left without food.`,
  ],
  PsychologicalAbuse: [(p) => `${p.She} was insulted and humiliated daily.`],
  DebtBondage: [
    (p) => `${p.She} was told ${p.she} owed the cost of the journey and had to work it off.`,
    (p) => `The recruiter said ${p.she} owed money for transport and lodging that kept growing.`,
  ],
  ThreatsLawEnforcement: [
    (p) => `${p.She} was told the police would arrest ${p.him} as an illegal migrant if ${p.she} left.`,
  ],
  PhysicalThreats: [(p) => `${p.She} was threatened with violence if ${p.she} tried to leave.`],
  ThreatensChildrenFamily: [(p) => `The recruiter threatened ${p.her} family at home.`],
  RestrictsFinancialAccess: [(p) => `${p.She} had no access to money or a phone of ${p.her} own.`],
  RestrictsMedicalCare: [(p) => `${p.She} was refused medical care when ${p.she} fell ill.`],
  PsychoactiveSubstance: [(p) => `${p.She} was given alcohol and drugs to keep ${p.him} compliant.`],
};

function sentenceFor(rng: Rng, control: ControlMethod, p: Pronouns): string | null {
  const options = CONTROL_SENTENCES[control];
  return options ? rng.pick(options)(p) : null;
}

function relationshipOf(method: RecruitmentMethod): Relationship | null {
  switch (method) {
    case 'ThroughFamilyOrFamilyEvents':
      return 'Familial';
    case 'ThroughFriendsOrSocialEvents':
    case 'AtWork':
    case 'AtAnEducationalInstitution':
      return 'Acquainted';
    case 'ThroughOnlineSocialNetworks':
    case 'ThroughAnOnlineAdvertisement':
    case 'AtAPlaceOfBusiness':
    case 'ThroughANewspaperAdvert':
    case 'ThroughATelevisionAdvert':
      return 'Unaquainted';
    case 'Other':
      return null;
  }
}

const RELATIVES = ['an aunt', 'a cousin', 'an uncle', 'an elder sister', "a stepmother's relative", 'a grandmother'];
const FRIENDS = [
  'a friend from church',
  'a former classmate',
  'a neighbour',
  'a woman from the same village',
  'a friend',
];

function recruiterPhrase(rng: Rng, method: RecruitmentMethod, websites: readonly Website[]): string {
  switch (method) {
    case 'ThroughFamilyOrFamilyEvents':
      return rng.pick(RELATIVES);
    case 'ThroughFriendsOrSocialEvents':
      return rng.pick(FRIENDS);
    case 'ThroughOnlineSocialNetworks':
      return `someone met on ${websites[0] ?? 'social media'}`;
    case 'ThroughAnOnlineAdvertisement':
      return `an advert shared on ${websites[0] ?? 'the internet'}`;
    case 'AtAPlaceOfBusiness':
      return 'an agent at a recruitment office';
    case 'AtWork':
      return 'a co-worker';
    case 'AtAnEducationalInstitution':
      return 'a teacher';
    case 'ThroughANewspaperAdvert':
      return 'a newspaper advert';
    case 'ThroughATelevisionAdvert':
      return 'a television advert';
    case 'Other':
      return 'a stranger';
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function pickRecruitment(
  rng: Rng,
  weights: Weighted<RecruitmentMethod>,
): { method: RecruitmentMethod; websites: Website[] } {
  const method = rng.weighted(weights);
  const online = method === 'ThroughOnlineSocialNetworks' || method === 'ThroughAnOnlineAdvertisement';
  const websites: Website[] = online
    ? [
        rng.weighted<Website>([
          ['WhatsApp', 40],
          ['Facebook', 35],
          ['TikTok', 20],
          ['Instagram', 5],
        ]),
      ]
    : [];
  if (online && rng.chance(0.25)) {
    const second = rng.pick<Website>(['WhatsApp', 'Facebook', 'TikTok']);
    if (!websites.includes(second)) websites.push(second);
  }
  return { method, websites };
}

function controlsFrom(rng: Rng, base: Weighted<ControlMethod>): ControlMethod[] {
  const chosen = rng.some(base);
  return chosen.length > 0 ? chosen : [base[0]?.[0] ?? 'FalsePromises'];
}

/** The ILO forced-labour indicators a screener would tick for these means of control. */
export const ILO_OF_CONTROL: Partial<Record<ControlMethod, IloIndicator>> = {
  WithholdsDocuments: 'RetentionOfIdentityDocuments',
  TakesEarnings: 'WithholdingOfWages',
  ExcessiveWorkingHours: 'ExcessiveOvertime',
  PhysicalAbuse: 'PhysicalAndSexualViolence',
  SexualAbuse: 'PhysicalAndSexualViolence',
  PhysicalThreats: 'IntimidationAndThreats',
  ThreatsLawEnforcement: 'IntimidationAndThreats',
  ThreatensChildrenFamily: 'IntimidationAndThreats',
  DebtBondage: 'DebtBondage',
  FalsePromises: 'Deception',
  WithholdsNecessities: 'AbusiveWorkingAndLivingConditions',
  RestrictsFinancialAccess: 'Isolation',
  PsychologicalAbuse: 'IntimidationAndThreats',
};

function gulfStory(rng: Rng): Story {
  const gender: Gender = rng.chance(0.88) ? 'Feminine' : 'Masculine';
  const p = gender === 'Feminine' ? FEMALE : MALE;
  const home = rng.weighted<number>([...SOURCE_COUNTIES, [47, 6], [1, 3]]);
  const dest = rng.weighted(GULF_DESTINATIONS.map((d) => [d, d.weight] as const));
  const city = rng.pick(dest.places);
  const recruitment = pickRecruitment(rng, [
    ['ThroughFamilyOrFamilyEvents', 34],
    ['ThroughFriendsOrSocialEvents', 34],
    ['ThroughOnlineSocialNetworks', 16],
    ['ThroughAnOnlineAdvertisement', 8],
    ['AtAPlaceOfBusiness', 6],
    ['ThroughANewspaperAdvert', 2],
  ]);
  const job =
    gender === 'Feminine'
      ? rng.pick(['house help', 'nanny', 'cleaner', 'caregiver for an elderly woman', 'cook'])
      : rng.pick(['driver', 'security guard', 'gardener', 'cleaner', 'construction worker']);
  // Drivers and gardeners work for households; guards and cleaners for service companies (ISIC N).
  const industry: LabourIndustry =
    gender === 'Feminine' || job === 'gardener' || job === 'driver'
      ? 'T_ActivitiesOfHouseholdsAsEmployers'
      : job === 'construction worker'
        ? 'F_Construction'
        : 'N_AdministrativeAndSupportServiceActivities';
  const controls = controlsFrom(rng, [
    ['WithholdsDocuments', 0.85],
    ['TakesEarnings', 0.7],
    ['ExcessiveWorkingHours', 0.9],
    ['FalsePromises', 0.6],
    ['PhysicalAbuse', 0.3],
    ['PsychologicalAbuse', 0.35],
    ['WithholdsNecessities', 0.3],
    ['SexualAbuse', gender === 'Feminine' ? 0.15 : 0.02],
    ['RestrictsFinancialAccess', 0.2],
    ['DebtBondage', 0.15],
    ['RestrictsMedicalCare', 0.08],
    ['ThreatsLawEnforcement', 0.1],
  ]);
  // A few are sent abroad at 17 on a passport that gives them an adult's age.
  const ageAtRecruitment = rng.chance(0.06) ? 17 : rng.int(19, 38);
  const transit: Stop[] = [];
  const via = rng.weighted([
    ['direct', 45],
    ['dubai', 30],
    ['addis', 13],
    ['entebbe', 12],
  ] as const);
  const airport: Stop =
    rng.chance(0.8) || home === 47
      ? { type: 'Transit', country: 'KE', county: 47, place: 'JKIA, Nairobi' }
      : { type: 'Transit', country: 'KE', county: 1, place: 'Moi International Airport, Mombasa' };
  if (via === 'entebbe') {
    transit.push({ type: 'Transit', country: 'KE', county: 40, place: 'Busia border' });
    transit.push({ type: 'Transit', country: 'UG', county: null, place: 'Entebbe' });
  } else transit.push(airport);
  if (via === 'dubai' && dest.country !== 'AE')
    transit.push({ type: 'Transit', country: 'AE', county: null, place: 'Dubai' });
  if (via === 'addis') transit.push({ type: 'Transit', country: 'ET', county: null, place: 'Addis Ababa' });
  const stillAbroad = rng.chance(0.14);
  const recruiter = recruiterPhrase(rng, recruitment.method, recruitment.websites);
  const salary = rng.pick(['KES 35,000', 'KES 45,000', 'KES 60,000', 'USD 300', 'USD 400']);
  const lure = `a job as a ${job} in ${city} paying ${salary} a month`;
  const conditions = controls
    .map((c) => sentenceFor(rng, c, p))
    .filter((s): s is string => s !== null)
    .slice(0, 3);
  const exit = stillAbroad
    ? `A relative called the helpline after ${p.she} sent voice notes asking for help; ${p.she} is still in ${city}.`
    : rng.pick([
        `${p.She} escaped to the embassy and was flown home after several weeks in a deportation centre.`,
        `${p.She} called the helpline from a friend's phone; ${p.her} family raised money for the ticket home.`,
        `${p.She} was deported after the employer reported ${p.him} as an absconder.`,
        `${p.She} was sent back when ${p.she} fell ill and could no longer work.`,
      ]);
  return {
    pattern: 'gulf_domestic',
    nationality: 'KE',
    people: COUNTY_PLACES[home]?.people ?? 'kikuyu',
    gender,
    ageAtRecruitment,
    monthsExploited: rng.int(3, 30),
    homeCounty: home,
    route: [
      { type: 'Recruitment', country: 'KE', county: home, place: townOf(rng, home) },
      ...transit,
      { type: 'Exploitation', country: dest.country, county: null, place: city },
    ],
    stillAbroad,
    identifiedCounty: null,
    exploitationTypes: ['ForcedLabour'],
    labourIndustry: industry,
    sexual: false,
    controls,
    recruitment: recruitment.method,
    websites: recruitment.websites,
    relationship: relationshipOf(recruitment.method),
    recruiter,
    lure,
    purposes: rng.chance(0.2) ? ['ForcedLabourOrServices', 'Servitude'] : ['ForcedLabourOrServices'],
    means: rng.some<PalermoMeans>([
      ['Deception', 0.85],
      ['Fraud', 0.45],
      ['AbuseOfVulnerability', 0.4],
      ['OtherCoercion', 0.45],
      ['ThreatOrUseOfForce', controls.includes('PhysicalAbuse') ? 0.8 : 0.05],
    ]),
    acts: [
      'Recruitment',
      'Transportation',
      ...rng.some<PalermoAct>([
        ['Receipt', 0.6],
        ['Harbouring', 0.4],
      ]),
    ],
    intercepted: false,
    narrative: `${capitalise(recruiter)} introduced ${p.him} to an agent who promised ${lure}. ${conditions.join(' ')} ${exit}`,
    needs: stillAbroad
      ? [
          ['Repatriation', 1],
          ['Psychosocial', 0.4],
        ]
      : [
          ['Psychosocial', 0.8],
          ['Medical', 0.55],
          ['Shelter', 0.35],
          ['Reintegration', 0.5],
          ['Livelihood', 0.35],
          ['Legal', 0.3],
          ['Financial', 0.12],
          ['LabourExploitationRehabilitation', 0.1],
        ],
    languages: [],
  };
}

/** A town of the county, or the county's name when the demo knows none. */
export function townOf(rng: Rng, county: number): string {
  return rng.pick(COUNTY_PLACES[county]?.towns ?? [countyName(county)]);
}

function internalDomesticStory(rng: Rng, western: boolean): Story {
  const child = rng.chance(0.6);
  const gender: Gender = rng.chance(0.85) ? 'Feminine' : 'Masculine';
  const p = gender === 'Feminine' ? FEMALE : MALE;
  const home = rng.weighted(western ? WESTERN_COUNTIES : SOURCE_COUNTIES);
  const drawn = western
    ? rng.weighted<number>([
        [42, 40],
        [47, 40],
        [1, 20],
      ])
    : rng.weighted<number>([
        [47, 65],
        [1, 27],
        [42, 8],
      ]);
  // People move away from home: someone from Kisumu county goes to Nairobi instead.
  const destCounty = drawn === home ? 47 : drawn;
  const places = DESTINATION_PLACES[destCounty]?.domestic ?? [countyName(destCounty)];
  const recruitment = pickRecruitment(rng, [
    ['ThroughFamilyOrFamilyEvents', 62],
    ['ThroughFriendsOrSocialEvents', 28],
    ['AtAnEducationalInstitution', 3],
    ['ThroughOnlineSocialNetworks', 4],
    ['Other', 3],
  ]);
  const controls = controlsFrom(rng, [
    ['ExcessiveWorkingHours', 0.85],
    ['TakesEarnings', 0.75],
    ['FalsePromises', 0.65],
    ['WithholdsNecessities', 0.4],
    ['PhysicalAbuse', 0.35],
    ['PsychologicalAbuse', 0.3],
    ['SexualAbuse', gender === 'Feminine' ? 0.12 : 0.03],
    ['RestrictsFinancialAccess', 0.2],
    ['WithholdsDocuments', child ? 0 : 0.2],
  ]);
  const recruiter = recruiterPhrase(rng, recruitment.method, recruitment.websites);
  const destTown = rng.pick(places);
  const lure = child
    ? rng.pick([
        `a place in a good school in ${countyName(destCounty)} in return for light housework`,
        'school fees and a better life in town',
        'a chance to finish primary school while helping a relative',
      ])
    : rng.pick([`a house-help job in ${countyName(destCounty)} paying KES 8,000 a month`, 'work as a nanny in town']);
  const conditions = controls
    .map((c) => sentenceFor(rng, c, p))
    .filter((s): s is string => s !== null)
    .slice(0, 3);
  const exit = rng.pick([
    `A neighbour alerted the area chief, who called the police.`,
    `${p.She} ran away and was found at the bus stage by police officers.`,
    `A teacher reported the case to the children's officer after a call to 116.`,
    `${p.She} called the helpline from a neighbour's phone.`,
    `${p.Her} mother came to look for ${p.him} and reported to the police.`,
  ]);
  const age = child ? rng.int(11, 17) : rng.int(18, 24);
  // Buses from the west and the coast meet in Nairobi; Kisumu is reached directly.
  const viaNairobi = rng.chance(0.5) && destCounty !== 42 && home !== 47;
  const transit: Stop[] = viaNairobi ? [NAIROBI_BUS_STATION] : [];
  return {
    pattern: 'internal_domestic',
    nationality: 'KE',
    people: COUNTY_PLACES[home]?.people ?? 'luhya',
    gender,
    ageAtRecruitment: age,
    monthsExploited: rng.int(3, 36),
    homeCounty: home,
    route: [
      { type: 'Recruitment', country: 'KE', county: home, place: townOf(rng, home) },
      ...transit,
      { type: 'Exploitation', country: 'KE', county: destCounty, place: destTown },
    ],
    stillAbroad: false,
    identifiedCounty: destCounty,
    exploitationTypes: child ? (rng.chance(0.1) ? ['ChildLabour', 'Servitude'] : ['ChildLabour']) : ['ForcedLabour'],
    labourIndustry: 'T_ActivitiesOfHouseholdsAsEmployers',
    sexual: false,
    controls,
    recruitment: recruitment.method,
    websites: recruitment.websites,
    relationship: relationshipOf(recruitment.method),
    recruiter,
    lure,
    purposes: child
      ? rng.chance(0.3)
        ? ['ChildLabour', 'ForcedLabourOrServices']
        : ['ChildLabour']
      : ['ForcedLabourOrServices'],
    means: rng.some<PalermoMeans>([
      ['Deception', 0.8],
      ['AbuseOfVulnerability', 0.6],
      ['AbuseOfPower', 0.15],
      ['ThreatOrUseOfForce', controls.includes('PhysicalAbuse') ? 0.6 : 0.05],
    ]),
    acts: ['Recruitment', 'Transportation', 'Harbouring', ...rng.some<PalermoAct>([['Receipt', 0.3]])],
    intercepted: false,
    narrative: `${capitalise(recruiter)} took ${p.him} from ${townOf(rng, home)} to ${destTown} with the promise of ${lure}. Instead ${p.she} worked as a house help and ${child ? 'was never enrolled in school' : 'was hardly paid'}. ${conditions.join(' ')} ${exit}`,
    needs: child
      ? [
          ['Psychosocial', 0.8],
          ['Education', 0.7],
          ['Reintegration', 0.7],
          ['Shelter', 0.45],
          ['Medical', 0.35],
          ['Legal', 0.25],
        ]
      : [
          ['Psychosocial', 0.7],
          ['Reintegration', 0.5],
          ['Livelihood', 0.4],
          ['Shelter', 0.35],
          ['Legal', 0.25],
        ],
    languages: [],
  };
}

function internalSexualStory(rng: Rng): Story {
  const child = rng.chance(0.35);
  const gender: Gender = rng.chance(0.92) ? 'Feminine' : 'Masculine';
  const p = gender === 'Feminine' ? FEMALE : MALE;
  const home = rng.weighted(SOURCE_COUNTIES);
  const drawn = rng.weighted<number>([
    [47, 45],
    [1, 30],
    [3, 15],
    [2, 5],
    [42, 5],
  ]);
  const destCounty = drawn === home ? 47 : drawn;
  const place = rng.pick(DESTINATION_PLACES[destCounty]?.sexual ?? [countyName(destCounty)]);
  const recruitment = pickRecruitment(rng, [
    ['ThroughFriendsOrSocialEvents', 48],
    ['ThroughOnlineSocialNetworks', 20],
    ['ThroughAnOnlineAdvertisement', 5],
    ['ThroughFamilyOrFamilyEvents', 15],
    ['AtWork', 8],
    ['Other', 4],
  ]);
  const controls = controlsFrom(rng, [
    ['TakesEarnings', 0.75],
    ['FalsePromises', 0.7],
    ['PsychoactiveSubstance', 0.4],
    ['PhysicalThreats', 0.4],
    ['DebtBondage', 0.35],
    ['SexualAbuse', 0.3],
    ['PhysicalAbuse', 0.3],
    ['WithholdsNecessities', 0.2],
    ['WithholdsDocuments', child ? 0.05 : 0.2],
    ['ThreatensChildrenFamily', 0.1],
  ]);
  const recruiter = recruiterPhrase(rng, recruitment.method, recruitment.websites);
  const job = rng.pick(['a waitress in a bar', 'a hair salon assistant', 'a shop attendant', 'a hotel cleaner']);
  const lure = `work as ${job} in ${countyName(destCounty)}`;
  const conditions = controls
    .map((c) => sentenceFor(rng, c, p))
    .filter((s): s is string => s !== null)
    .slice(0, 3);
  const exit = rng.pick([
    `Police found ${p.him} during an operation in ${place}.`,
    `${p.She} confided in a nurse at a clinic, who called the helpline.`,
    `An outreach worker met ${p.him} at night and brought ${p.him} to the shelter.`,
    `${p.She} escaped and reported at the nearest police station.`,
  ]);
  return {
    pattern: 'internal_sexual',
    nationality: 'KE',
    people: COUNTY_PLACES[home]?.people ?? 'luo',
    gender,
    ageAtRecruitment: child ? rng.int(13, 17) : rng.int(18, 26),
    monthsExploited: rng.int(1, 18),
    homeCounty: home,
    route: [
      { type: 'Recruitment', country: 'KE', county: home, place: townOf(rng, home) },
      ...(rng.chance(0.3) && destCounty !== 47 ? [NAIROBI_BUS_STATION] : []),
      { type: 'Exploitation', country: 'KE', county: destCounty, place },
    ],
    stillAbroad: false,
    identifiedCounty: destCounty,
    exploitationTypes: ['SexualExploitation'],
    labourIndustry: null,
    sexual: true,
    controls,
    recruitment: recruitment.method,
    websites: recruitment.websites,
    relationship: relationshipOf(recruitment.method),
    recruiter,
    lure,
    purposes: ['SexualExploitation'],
    means: rng.some<PalermoMeans>([
      ['Deception', 0.85],
      ['AbuseOfVulnerability', 0.6],
      ['ThreatOrUseOfForce', controls.includes('PhysicalThreats') ? 0.7 : 0.1],
      ['OtherCoercion', 0.3],
    ]),
    acts: ['Recruitment', 'Transportation', 'Harbouring', ...rng.some<PalermoAct>([['Receipt', 0.4]])],
    intercepted: false,
    narrative: `${capitalise(recruiter)} promised ${p.him} ${lure}. On arrival in ${place} ${p.she} was made to sell sex and hand over the money. ${conditions.join(' ')} ${exit}`,
    needs: [
      ['Medical', 0.85],
      ['Psychosocial', 0.8],
      ['Shelter', 0.6],
      ['SexualExploitationRehabilitation', 0.35],
      ['Legal', 0.4],
      ['Reintegration', 0.4],
      [child ? 'Education' : 'Livelihood', child ? 0.5 : 0.3],
    ],
    languages: [],
  };
}

function foreignTransitStory(rng: Rng): Story {
  const nationality: Nationality = rng.chance(0.65) ? 'ET' : 'SO';
  const gender: Gender = rng.chance(0.75) ? 'Masculine' : 'Feminine';
  const p = gender === 'Feminine' ? FEMALE : MALE;
  const people: NameGroupKey = nationality === 'SO' ? 'somali' : rng.chance(0.55) ? 'oromo' : 'amhara';
  const child = rng.chance(0.2);
  const intercepted = rng.chance(0.45);
  const origin: Stop =
    nationality === 'ET'
      ? {
          type: 'Recruitment',
          country: 'ET',
          county: null,
          place: rng.pick(['Hosaena', 'Durame', 'Shashemene', 'Hawassa', 'Jimma']),
        }
      : {
          type: 'Recruitment',
          country: 'SO',
          county: null,
          place: rng.pick(['Mogadishu', 'Baidoa', 'Kismayo', 'Beledweyne']),
        };
  const border: Stop =
    nationality === 'ET'
      ? { type: 'Transit', country: 'KE', county: 10, place: 'Moyale' }
      : rng.chance(0.6)
        ? { type: 'Transit', country: 'KE', county: 7, place: 'Dadaab' }
        : { type: 'Transit', country: 'KE', county: 9, place: 'Mandera' };
  const interception = rng.weighted<number>([
    [border.county ?? 10, 30],
    [11, 20],
    [47, 30],
    [34, 20],
  ]);
  const recruitment = pickRecruitment(rng, [
    ['ThroughFriendsOrSocialEvents', 45],
    ['ThroughFamilyOrFamilyEvents', 28],
    ['ThroughOnlineSocialNetworks', 15],
    ['Other', 12],
  ]);
  const controls = controlsFrom(rng, [
    ['DebtBondage', 0.7],
    ['PhysicalThreats', 0.5],
    ['WithholdsDocuments', 0.4],
    ['WithholdsNecessities', 0.45],
    ['ThreatsLawEnforcement', 0.35],
    ['RestrictsFinancialAccess', 0.3],
    ['PhysicalAbuse', 0.25],
    ['FalsePromises', 0.6],
    ['ExcessiveWorkingHours', intercepted ? 0 : 0.5],
  ]);
  const recruiter = recruiterPhrase(rng, recruitment.method, recruitment.websites);
  const conditions = controls
    .map((c) => sentenceFor(rng, c, p))
    .filter((s): s is string => s !== null)
    .slice(0, 2);
  const route: Stop[] = [origin, border];
  if (interception !== border.county && interception !== 47)
    route.push({ type: 'Transit', country: 'KE', county: interception, place: townOf(rng, interception) });
  if (!intercepted) route.push({ type: 'Exploitation', country: 'KE', county: 47, place: 'Eastleigh' });
  else if (interception === 47) route.push({ type: 'Transit', country: 'KE', county: 47, place: 'Eastleigh' });
  const exit = intercepted
    ? `The group was stopped at a police roadblock near ${townOf(rng, interception)}.`
    : `Police found the group locked in a house in Eastleigh during a raid.`;
  return {
    pattern: 'foreign_transit',
    nationality,
    people,
    gender,
    ageAtRecruitment: child ? rng.int(14, 17) : rng.int(18, 32),
    monthsExploited: intercepted ? 0 : rng.int(1, 6),
    homeCounty: null,
    route,
    stillAbroad: false,
    identifiedCounty: intercepted ? interception : 47,
    exploitationTypes: ['ForcedLabour'],
    labourIndustry: intercepted
      ? null
      : rng.pick(['G_WholesaleAndRetailTradeRepairOfMotorVehicles', 'T_ActivitiesOfHouseholdsAsEmployers'] as const),
    sexual: false,
    controls,
    recruitment: recruitment.method,
    websites: recruitment.websites,
    relationship: relationshipOf(recruitment.method),
    recruiter,
    lure: 'work in South Africa',
    purposes: intercepted ? [] : ['ForcedLabourOrServices'],
    means: rng.some<PalermoMeans>([
      ['Deception', 0.7],
      ['AbuseOfVulnerability', 0.6],
      ['ThreatOrUseOfForce', 0.3],
      ['OtherCoercion', 0.3],
    ]),
    acts: [
      'Recruitment',
      'Transportation',
      ...rng.some<PalermoAct>([
        ['Transfer', 0.4],
        ['Harbouring', 0.5],
      ]),
    ],
    intercepted,
    narrative: `${capitalise(recruiter)} arranged for ${p.him} to travel to South Africa for work, to be paid later from ${p.her} wages. Brokers moved ${p.him} across the border at ${border.place} with a group of others and demanded more money from ${p.her} family on the way. ${conditions.join(' ')} ${exit}`,
    needs: [
      ['Shelter', 0.6],
      ['Medical', 0.6],
      ['Repatriation', 0.6],
      ['Legal', 0.5],
      ['Psychosocial', 0.3],
    ],
    languages: nationality === 'SO' ? ['so'] : [],
  };
}

function foreignInKenyaStory(rng: Rng): Story {
  const nationality = rng.weighted<Nationality>([
    ['UG', 40],
    ['BI', 25],
    ['ET', 20],
    ['SO', 15],
  ]);
  const people: NameGroupKey =
    nationality === 'UG' ? 'ganda' : nationality === 'BI' ? 'rundi' : nationality === 'SO' ? 'somali' : 'amhara';
  const gender: Gender = rng.chance(0.85) ? 'Feminine' : 'Masculine';
  const p = gender === 'Feminine' ? FEMALE : MALE;
  const child = rng.chance(0.25);
  const sexual = gender === 'Feminine' && rng.chance(0.35);
  const destCounty = rng.weighted<number>([
    [47, 70],
    [1, 25],
    [3, 5],
  ]);
  const places = DESTINATION_PLACES[destCounty];
  const place = rng.pick((sexual ? places?.sexual : places?.domestic) ?? [countyName(destCounty)]);
  const origins: Record<Nationality, readonly string[]> = {
    UG: ['Kampala', 'Jinja', 'Tororo', 'Mbale', 'Iganga'],
    BI: ['Bujumbura', 'Gitega', 'Ngozi', 'Muyinga'],
    ET: ['Addis Ababa', 'Hosaena', 'Dire Dawa'],
    SO: ['Mogadishu', 'Kismayo', 'Baidoa'],
    KE: [],
  };
  const route: Stop[] = [
    { type: 'Recruitment', country: nationality, county: null, place: rng.pick(origins[nationality]) },
  ];
  if (nationality === 'UG')
    route.push({ type: 'Transit', country: 'KE', county: 40, place: rng.pick(['Busia', 'Malaba']) });
  if (nationality === 'BI') {
    route.push({ type: 'Transit', country: 'TZ', county: null, place: rng.pick(['Kigoma', 'Mwanza', 'Arusha']) });
    route.push(
      rng.chance(0.5)
        ? { type: 'Transit', country: 'KE', county: 34, place: 'Namanga' }
        : { type: 'Transit', country: 'KE', county: 44, place: 'Isebania' },
    );
  }
  if (nationality === 'ET') route.push({ type: 'Transit', country: 'KE', county: 10, place: 'Moyale' });
  if (nationality === 'SO') route.push({ type: 'Transit', country: 'KE', county: 7, place: 'Garissa' });
  route.push({ type: 'Exploitation', country: 'KE', county: destCounty, place });
  const recruitment = pickRecruitment(rng, [
    ['ThroughFriendsOrSocialEvents', 42],
    ['ThroughFamilyOrFamilyEvents', 35],
    ['ThroughOnlineSocialNetworks', 13],
    ['AtAPlaceOfBusiness', 5],
    ['Other', 5],
  ]);
  const controls = controlsFrom(
    rng,
    sexual
      ? [
          ['TakesEarnings', 0.75],
          ['WithholdsDocuments', 0.5],
          ['DebtBondage', 0.45],
          ['ThreatsLawEnforcement', 0.45],
          ['PhysicalThreats', 0.35],
          ['PsychoactiveSubstance', 0.3],
          ['FalsePromises', 0.6],
        ]
      : [
          ['ExcessiveWorkingHours', 0.85],
          ['TakesEarnings', 0.7],
          ['WithholdsDocuments', 0.55],
          ['ThreatsLawEnforcement', 0.4],
          ['WithholdsNecessities', 0.35],
          ['PhysicalAbuse', 0.25],
          ['FalsePromises', 0.6],
        ],
  );
  const recruiter = recruiterPhrase(rng, recruitment.method, recruitment.websites);
  const lure = sexual
    ? rng.pick(['a job in a hotel in Nairobi', 'work in a beauty salon in Mombasa'])
    : rng.pick(['a house-help job with a good family in Nairobi', 'work in a restaurant in Kenya']);
  const conditions = controls
    .map((c) => sentenceFor(rng, c, p))
    .filter((s): s is string => s !== null)
    .slice(0, 3);
  const exit = rng.pick([
    `A neighbour called the helpline after hearing ${p.him} cry at night.`,
    `${p.She} was arrested for lacking papers; officers at the station recognised signs of trafficking.`,
    `${p.She} escaped and went to a church, which called the police.`,
    `${p.Her} embassy asked the police to find ${p.him} after ${p.her} family reported ${p.him} missing.`,
  ]);
  const languages: PersonLanguage[] =
    nationality === 'UG' ? ['lg', 'en'] : nationality === 'BI' ? ['rn', 'fr'] : nationality === 'SO' ? ['so'] : ['am'];
  if (rng.chance(0.4)) languages.push('sw');
  return {
    pattern: 'foreign_in_kenya',
    nationality,
    people,
    gender,
    ageAtRecruitment: child ? rng.int(13, 17) : rng.int(18, 30),
    monthsExploited: rng.int(2, 24),
    homeCounty: null,
    route,
    stillAbroad: false,
    identifiedCounty: destCounty,
    exploitationTypes: sexual ? ['SexualExploitation'] : child ? ['ChildLabour'] : ['ForcedLabour'],
    labourIndustry: sexual ? null : 'T_ActivitiesOfHouseholdsAsEmployers',
    sexual,
    controls,
    recruitment: recruitment.method,
    websites: recruitment.websites,
    relationship: relationshipOf(recruitment.method),
    recruiter,
    lure,
    purposes: sexual ? ['SexualExploitation'] : child ? ['ChildLabour'] : ['ForcedLabourOrServices'],
    means: rng.some<PalermoMeans>([
      ['Deception', 0.85],
      ['AbuseOfVulnerability', 0.65],
      ['OtherCoercion', 0.35],
      ['ThreatOrUseOfForce', 0.15],
    ]),
    acts: ['Recruitment', 'Transportation', 'Harbouring', ...rng.some<PalermoAct>([['Receipt', 0.5]])],
    intercepted: false,
    narrative: `${capitalise(recruiter)} promised ${p.him} ${lure} and paid for the journey. ${conditions.join(' ')} ${exit}`,
    needs: [
      ['Shelter', 0.6],
      ['Medical', 0.5],
      ['Psychosocial', 0.6],
      ['Repatriation', 0.55],
      ['Legal', 0.3],
      [child ? 'Education' : 'RightsBasedTraining', child ? 0.3 : 0.05],
    ],
    languages,
  };
}

function localChildStory(rng: Rng): Story {
  const kind = rng.weighted([
    ['mining', 25],
    ['fishing', 25],
    ['begging', 20],
    ['marriage', 30],
  ] as const);
  const gender: Gender =
    kind === 'marriage' ? 'Feminine' : kind === 'begging' ? (rng.chance(0.5) ? 'Feminine' : 'Masculine') : 'Masculine';
  const p = gender === 'Feminine' ? FEMALE : MALE;
  const home =
    kind === 'mining'
      ? rng.pick([44, 44, 37])
      : kind === 'fishing'
        ? rng.pick([43, 41, 44])
        : kind === 'begging'
          ? rng.pick([2, 3, 23])
          : rng.pick([3, 23, 2, 44, 45]);
  const dest =
    kind === 'mining'
      ? { county: 44, place: rng.pick(['Macalder', 'Osiri', 'Masara']) }
      : kind === 'fishing'
        ? { county: rng.pick([43, 41]), place: rng.pick(['Rusinga Island', 'Mfangano Island', 'Usenge beach']) }
        : kind === 'begging'
          ? { county: rng.pick([47, 1]), place: rng.pick(['Nairobi CBD', 'Mombasa CBD']) }
          : { county: home, place: townOf(rng, home) };
  const recruitment = pickRecruitment(
    rng,
    kind === 'marriage'
      ? [['ThroughFamilyOrFamilyEvents', 100]]
      : [
          ['ThroughFamilyOrFamilyEvents', 45],
          ['ThroughFriendsOrSocialEvents', 40],
          ['AtWork', 10],
          ['Other', 5],
        ],
  );
  const controls = controlsFrom(
    rng,
    kind === 'marriage'
      ? [
          ['FalsePromises', 0.3],
          ['PhysicalThreats', 0.4],
          ['SexualAbuse', 0.6],
          ['ThreatensChildrenFamily', 0.2],
          ['PsychologicalAbuse', 0.4],
        ]
      : [
          ['ExcessiveWorkingHours', 0.8],
          ['TakesEarnings', 0.8],
          ['PhysicalAbuse', 0.35],
          ['WithholdsNecessities', 0.4],
          ['FalsePromises', 0.5],
          ['PsychoactiveSubstance', kind === 'mining' ? 0.1 : 0],
        ],
  );
  const recruiter = recruiterPhrase(rng, recruitment.method, recruitment.websites);
  const age = kind === 'begging' ? rng.int(6, 12) : kind === 'marriage' ? rng.int(13, 16) : rng.int(10, 16);
  const type: ExploitationType[] =
    kind === 'marriage' ? ['ForcedMarriage'] : kind === 'begging' ? ['ForcedBegging', 'ChildLabour'] : ['ChildLabour'];
  const industry: LabourIndustry | null =
    kind === 'mining' ? 'B_MiningAndQuarrying' : kind === 'fishing' ? 'A_AgricultureForestryAndFishing' : null;
  const story: Record<typeof kind, string> = {
    mining: `${capitalise(recruiter)} took ${p.him} to the gold mines at ${dest.place}, promising money for school. ${p.She} carried ore and crushed rock all day and was given food instead of pay.`,
    fishing: `${capitalise(recruiter)} took ${p.him} to ${dest.place} to work on fishing boats at night. ${p.She} stopped going to school and was paid only in fish.`,
    begging: `${capitalise(recruiter)} brought ${p.him} to ${dest.place}, where ${p.she} was made to beg at traffic lights and hand over everything ${p.she} collected.`,
    marriage: `${capitalise(recruiter)} arranged for ${p.him} to be married to a much older man in exchange for livestock. ${p.She} was taken out of school.`,
  };
  const exit = rng.pick([
    `A teacher reported the case to the children's officer.`,
    `Police and the children's officer removed ${p.him} during an inspection.`,
    `A neighbour called 116, the child helpline.`,
    `The area chief alerted the children's office.`,
  ]);
  const route: Stop[] = [{ type: 'Recruitment', country: 'KE', county: home, place: townOf(rng, home) }];
  route.push({ type: 'Exploitation', country: 'KE', county: dest.county, place: dest.place });
  return {
    pattern: 'local_child',
    nationality: 'KE',
    people: COUNTY_PLACES[home]?.people ?? 'luo',
    gender,
    ageAtRecruitment: age,
    monthsExploited: rng.int(2, 24),
    homeCounty: home,
    route,
    stillAbroad: false,
    identifiedCounty: dest.county,
    exploitationTypes: type,
    labourIndustry: industry,
    sexual: false,
    controls,
    recruitment: recruitment.method,
    websites: recruitment.websites,
    relationship: relationshipOf(recruitment.method),
    recruiter,
    lure: kind === 'marriage' ? 'a good marriage' : 'money for school',
    purposes:
      kind === 'marriage'
        ? ['ChildMarriage']
        : kind === 'begging'
          ? ['ForcedLabourOrServices', 'ChildLabour']
          : ['ChildLabour'],
    means: rng.some<PalermoMeans>([
      ['AbuseOfVulnerability', 0.7],
      ['PaymentsToPersonInControl', kind === 'marriage' || kind === 'begging' ? 0.7 : 0.1],
      ['Deception', 0.4],
    ]),
    acts: kind === 'marriage' ? ['Transfer', 'Receipt'] : ['Recruitment', 'Transportation', 'Harbouring'],
    intercepted: false,
    narrative: `${story[kind]} ${controls
      .map((c) => sentenceFor(rng, c, p))
      .filter((s): s is string => s !== null)
      .slice(0, 2)
      .join(' ')} ${exit}`,
    needs: [
      ['Education', 0.8],
      ['Reintegration', 0.7],
      ['Psychosocial', 0.6],
      ['Medical', kind === 'marriage' ? 0.8 : 0.35],
      ['Shelter', 0.4],
      ['Legal', kind === 'marriage' ? 0.7 : 0.25],
    ],
    languages: [],
  };
}

/** A person's story in one of the trafficking patterns. */
export function storyOf(rng: Rng, pattern: TraffickingPattern): Story {
  switch (pattern) {
    case 'gulf_domestic':
      return gulfStory(rng);
    case 'internal_domestic':
      return internalDomesticStory(rng, rng.chance(0.4));
    case 'internal_sexual':
      return internalSexualStory(rng);
    case 'foreign_transit':
      return foreignTransitStory(rng);
    case 'foreign_in_kenya':
      return foreignInKenyaStory(rng);
    case 'local_child':
      return localChildStory(rng);
  }
}
