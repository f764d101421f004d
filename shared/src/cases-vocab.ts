/**
 * Vocabulary of case management. HTCDS v2 picklist value names are the stored codes
 * (`../shared/data/htcds/`); labels live in the web app's catalogues, in every language.
 */

/** HTCDS prs_Gender. */
export const GENDERS = [
  'Feminine',
  'Masculine',
  'TransgenderFeminine',
  'TransgenderMasculine',
  'NonConforming',
  'NonSpecifiedUnknown',
] as const;
export type Gender = (typeof GENDERS)[number];

/** HTCDS prs_HighestLevelOfEducation (ISCED levels), plus "none". */
export const EDUCATION_LEVELS = [
  'NoFormalEducation',
  'EarlyChildhoodEducation',
  'PrimaryEducation',
  'LowerSecondaryEducation',
  'UpperSecondaryEducation',
  'PostSecondaryNonTertiaryEducation',
  'ShortCycleTertiaryEducation',
  'BachelorsOrEquivalentLevel',
  'MastersOrEquivalentLevel',
  'DoctoralOrEquivalentLevel',
] as const;

/** Languages a presumed victim may speak (ISO 639-1), the region's most frequent first. */
export const PERSON_LANGUAGES = [
  'sw',
  'en',
  'am',
  'so',
  'om',
  'ti',
  'lg',
  'rn',
  'rw',
  'ar',
  'fr',
  'hi',
  'ki',
  'luo',
  'kam',
  'other',
] as const;

/** HTCDS vic_TraffickingStatus. */
export const TRAFFICKING_STATUSES = [
  'PossibleVictimOfTrafficking',
  'ActualVictimOfTrafficking',
  'NotAVictimOfTrafficking',
] as const;
export type TraffickingStatus = (typeof TRAFFICKING_STATUSES)[number];

/** HTCDS vic_TraffickingStatusDecisionMakingOrg. */
export const DECISION_MAKING_ORGS = [
  'Police',
  'NGO',
  'CourtOrProsecution',
  'NonPoliceGovernmentalOrganization',
  'Other',
] as const;

/** HTCDS vic_RelationshipToTrafficker (the standard's spelling is kept as the code). */
export const RELATIONSHIPS_TO_TRAFFICKER = ['Familial', 'Acquainted', 'Unaquainted'] as const;

/** HTCDS vic_RecruitmentWebsitesAndApps. */
export const WEBSITES_AND_APPS = [
  'Facebook',
  'Instagram',
  'WhatsApp',
  'Telegram',
  'FacebookMessenger',
  'Viber',
  'SnapChat',
  'Line',
  '4Sale',
  'WeChat',
  'QQ',
  'QZone',
  'TikTok',
  'Twitter',
  'Other',
] as const;

/** HTCDS vic_MethodOfRecruitment. */
export const RECRUITMENT_METHODS = [
  'AtAPlaceOfBusiness',
  'AtAnEducationalInstitution',
  'AtWork',
  'ThroughOnlineSocialNetworks',
  'ThroughAnOnlineAdvertisement',
  'ThroughATelevisionAdvert',
  'ThroughANewspaperAdvert',
  'ThroughFamilyOrFamilyEvents',
  'ThroughFriendsOrSocialEvents',
  'Other',
] as const;

/** HTCDS vic_MethodsOfControl. */
export const CONTROL_METHODS = [
  'PhysicalThreats',
  'ThreatsLawEnforcement',
  'ThreatensChildrenFamily',
  'DebtBondage',
  'FalsePromises',
  'PhysicalAbuse',
  'SexualAbuse',
  'TakesEarnings',
  'RestrictsFinancialAccess',
  'RestrictsMedicalCare',
  'WithholdsNecessities',
  'PsychologicalAbuse',
  'PsychoactiveSubstance',
  'ExcessiveWorkingHours',
  'WithholdsDocuments',
  'Other',
] as const;

/** HTCDS vic_TypeOfExploitation. */
export const EXPLOITATION_TYPES = [
  'ForcedLabour',
  'SexualExploitation',
  'ChildLabour',
  'ForcedMarriage',
  'Servitude',
  'ForcedMilitaryByNonStateActors',
  'OrganRemoval',
  'ForcedBegging',
  'ForcedAdoption',
  'Surrogacy',
  'Other',
] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];

/** HTCDS vic_ForcedLabourIndustry: ISIC rev. 4 sections (T: households as employers, i.e. domestic work). */
export const LABOUR_INDUSTRIES = [
  'A_AgricultureForestryAndFishing',
  'B_MiningAndQuarrying',
  'C_Manufacturing',
  'D_ElectricityGasSteamAndAirConditioningSupply',
  'E_WaterSupplySewerageWasteManagement',
  'F_Construction',
  'G_WholesaleAndRetailTradeRepairOfMotorVehicles',
  'H_TransportationAndStorage',
  'I_AccommodationAndFoodServiceActivities',
  'J_InformationAndCommunication',
  'K_FinancialAndInsuranceActivities',
  'L_RealEstateActivities',
  'M_ProfessionalScientificAndTechnicalActivities',
  'N_AdministrativeAndSupportServiceActivities',
  'O_PublicAdministrationAndDefence',
  'P_Education',
  'Q_HumanHealthAndSocialWorkActivities',
  'R_ArtsEntertainmentAndRecreation',
  'S_OtherServiceActivities',
  'T_ActivitiesOfHouseholdsAsEmployers',
  'U_ActivitiesOfExtraterritorialOrganisations',
] as const;

/** HTCDS vic_TypeOfSexExploitation. */
export const SEX_EXPLOITATION_TYPES = [
  'Prostitution',
  'Pornography',
  'RemoteInteractiveServices',
  'PrivateSexualServices',
] as const;

/** HTCDS cas_Status. A case being registered is a draft until submitted, outside this lifecycle. */
export const CASE_STATUSES = ['Active', 'FollowUp', 'Closed', 'ClosedReferred'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CLOSED_STATUSES: readonly CaseStatus[] = ['Closed', 'ClosedReferred'];

/** HTCDS hte_Type: the stages of a victim's route. */
export const EVENT_TYPES = ['Recruitment', 'Transit', 'Exploitation'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** HTCDS cas_ReasonForOutgoingReferral. */
export const REFERRAL_REASONS = ['AdditionalServicesRequired', 'MigrationOrChangeOfLocation', 'Other'] as const;

/**
 * Services of a support plan. The first eight are what referral mechanisms offer; each maps
 * onto an HTCDS spl_Type for exchange (see SERVICE_TO_HTCDS_SUPPORT_TYPE).
 */
export const SERVICE_TYPES = [
  'Shelter',
  'Medical',
  'Psychosocial',
  'Legal',
  'Repatriation',
  'Reintegration',
  'Education',
  'Livelihood',
  'Financial',
  'RightsBasedTraining',
  'LabourExploitationRehabilitation',
  'SexualExploitationRehabilitation',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** HTCDS spl_Type. */
export const HTCDS_SUPPORT_TYPES = [
  'Education',
  'Financial',
  'Health',
  'LabourExploitationRehabilitation',
  'Legal',
  'Livelihood',
  'RightsBasedTraining',
  'SexualExploitationRehabilitation',
  'SocialCare',
] as const;

export const SERVICE_TO_HTCDS_SUPPORT_TYPE: Record<ServiceType, (typeof HTCDS_SUPPORT_TYPES)[number]> = {
  Shelter: 'SocialCare',
  Medical: 'Health',
  Psychosocial: 'Health',
  Legal: 'Legal',
  Repatriation: 'SocialCare',
  Reintegration: 'SocialCare',
  Education: 'Education',
  Livelihood: 'Livelihood',
  Financial: 'Financial',
  RightsBasedTraining: 'RightsBasedTraining',
  LabourExploitationRehabilitation: 'LabourExploitationRehabilitation',
  SexualExploitationRehabilitation: 'SexualExploitationRehabilitation',
};

export const SERVICE_STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;

/** Purposes a consent is given for; a referral consent names the receiving agency. */
export const CONSENT_PURPOSES = ['case_management', 'referral', 'statistics'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_METHODS = ['written', 'verbal'] as const;

/**
 * The parts of a case a referral consent may open to the receiving agency once it accepts.
 * The referral summary (code, services asked for, reason, dates) is always visible to it.
 */
export const SHARED_SECTIONS = ['identity', 'contact', 'victim', 'route', 'screening', 'services'] as const;
export type SharedSection = (typeof SHARED_SECTIONS)[number];

export const REFERRAL_KINDS = ['referral', 'transfer'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];
/**
 * A referral is `pending` until the receiver answers; a transfer first waits for the sending
 * agency's supervisor (`awaiting_approval`). Accepted referrals end as completed or revoked.
 */
export const REFERRAL_STATUSES = [
  'awaiting_approval',
  'pending',
  'accepted',
  'declined',
  'completed',
  'revoked',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

// ---- screening (Palermo Protocol art. 3; ILO forced-labour indicators) -------------------

export const PALERMO_ACTS = ['Recruitment', 'Transportation', 'Transfer', 'Harbouring', 'Receipt'] as const;
export const PALERMO_MEANS = [
  'ThreatOrUseOfForce',
  'OtherCoercion',
  'Abduction',
  'Fraud',
  'Deception',
  'AbuseOfPower',
  'AbuseOfVulnerability',
  'PaymentsToPersonInControl',
] as const;
/** Palermo's minimum list, and the further forms of Kenya's Counter-Trafficking in Persons Act 2010, s.2. */
export const PALERMO_PURPOSES = [
  'SexualExploitation',
  'ForcedLabourOrServices',
  'SlaveryOrSimilarPractices',
  'Servitude',
  'OrganRemoval',
  'ChildLabour',
  'ChildMarriage',
  'ForcedMarriage',
  'UseInArmedConflict',
] as const;
export const ILO_INDICATORS = [
  'AbuseOfVulnerability',
  'Deception',
  'RestrictionOfMovement',
  'Isolation',
  'PhysicalAndSexualViolence',
  'IntimidationAndThreats',
  'RetentionOfIdentityDocuments',
  'WithholdingOfWages',
  'DebtBondage',
  'AbusiveWorkingAndLivingConditions',
  'ExcessiveOvertime',
] as const;
export type PalermoAct = (typeof PALERMO_ACTS)[number];
export type PalermoMeans = (typeof PALERMO_MEANS)[number];
export type PalermoPurpose = (typeof PALERMO_PURPOSES)[number];
export type IloIndicator = (typeof ILO_INDICATORS)[number];

export const DETERMINATION_STATES = ['pending', 'confirmed', 'overridden'] as const;

/** CTDC's age bands, used to compare ages without storing birth dates in clear. */
export const AGE_BANDS = ['0-8', '9-17', '18-20', '21-23', '24-26', '27-29', '30-38', '39-47', '48+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBandOf(age: number): AgeBand {
  const limits: [number, AgeBand][] = [
    [8, '0-8'],
    [17, '9-17'],
    [20, '18-20'],
    [23, '21-23'],
    [26, '24-26'],
    [29, '27-29'],
    [38, '30-38'],
    [47, '39-47'],
  ];
  for (const [max, band] of limits) if (age <= max) return band;
  return '48+';
}

export const CASE_SORTS = ['createdAt', 'code', 'followUpAt', 'status'] as const;
export const REFERRAL_SORTS = ['createdAt', 'respondBy'] as const;

/** Attachments: what is accepted, checked against the file's content, not its name. */
export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
