/**
 * Table types. Times are ISO 8601 UTC text and flags are 0/1 integers on both engines
 * (docs/decisions/004-portable-schema.md); keys are application-made UUIDv7 text.
 */
export interface AgencyTable {
  id: string;
  name: string;
  name_lower: string;
  type: string;
  county_code: number | null;
  contact_email: string | null;
  contact_phone: string | null;
  address: string | null;
  mandate: string | null;
  status: 'active' | 'inactive';
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  name: string;
  name_lower: string;
  email: string;
  agency_id: string;
  language: 'en' | 'sw';
  status: 'active' | 'inactive';
  password_hash: string | null;
  mfa_required: number;
  totp_secret_enc: string | null;
  totp_enabled: number;
  totp_last_step: number | null;
  is_demo: number;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface RecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  absolute_expires_at: string;
}

export interface PasswordTokenTable {
  token_hash: string;
  user_id: string;
  purpose: 'setup' | 'reset';
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ThrottleTable {
  key: string;
  window_started_at: string;
  failures: number;
  blocked_until: string | null;
}

export interface AuditEventTable {
  seq: number;
  id: string;
  occurred_at: string;
  actor_id: string | null;
  agency_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface InstanceSettingTable {
  key: string;
  value: string;
}

export interface Database {
  agencies: AgencyTable;
  users: UserTable;
  user_roles: UserRoleTable;
  recovery_codes: RecoveryCodeTable;
  sessions: SessionTable;
  password_tokens: PasswordTokenTable;
  throttles: ThrottleTable;
  audit_events: AuditEventTable;
  instance_settings: InstanceSettingTable;
  data_keys: DataKeyTable;
  case_sequences: CaseSequenceTable;
  cases: CaseTable;
  case_exploitation_types: CaseExploitationTypeTable;
  case_events: CaseEventTable;
  screenings: ScreeningTable;
  consents: ConsentTable;
  case_services: CaseServiceTable;
  case_notes: CaseNoteTable;
  case_attachments: CaseAttachmentTable;
  referrals: ReferralTable;
  agency_focal_persons: AgencyFocalPersonTable;
  coordination_memberships: CoordinationMembershipTable;
  partner_presence: PartnerPresenceTable;
  plans: PlanTable;
  meetings: MeetingTable;
  meeting_attendees: MeetingAttendeeTable;
  meeting_decisions: MeetingDecisionTable;
  action_items: ActionItemTable;
  plan_versions: PlanVersionTable;
  plan_version_steps: PlanVersionStepTable;
  plan_elements: PlanElementTable;
  plan_comments: PlanCommentTable;
  reporting_periods: ReportingPeriodTable;
  progress_reports: ProgressReportTable;
  progress_entries: ProgressEntryTable;
  progress_evidence: ProgressEvidenceTable;
  indicator_actuals: IndicatorActualTable;
  imports: ImportTable;
  stat_records: StatRecordTable;
  releases: ReleaseTable;
}

// ---- case management (0002) -------------------------------------------------------------
// `_enc` columns hold ciphertext sealed by DataKeys; `bi_` columns keyed hashes; `_json` and
// `sections`/`services` JSON of picklist codes.

export interface DataKeyTable {
  id: string;
  purpose: string;
  wrapped: string;
  master_key_check: string;
  created_at: string;
}

export interface CaseSequenceTable {
  year: number;
  last_value: number;
}

export interface CaseTable {
  id: string;
  code: string;
  agency_id: string;
  owner_id: string | null;
  created_by: string;
  draft: number;
  status: string;
  trafficking_status: string | null;
  gender: string | null;
  age_band: string | null;
  citizenship: string | null;
  county_code: number | null;
  exploitation_types: string;
  profile_json: string;
  victim_json: string;
  follow_up_at: string | null;
  first_name_enc: string | null;
  middle_name_enc: string | null;
  last_name_enc: string | null;
  birth_date_enc: string | null;
  identity_number_enc: string | null;
  phone_enc: string | null;
  email_enc: string | null;
  address_enc: string | null;
  narrative_enc: string | null;
  bi_name: string | null;
  bi_birth_date: string | null;
  bi_identity_number: string | null;
  bi_phone: string | null;
  bi_email: string | null;
  closure_requested_at: string | null;
  closure_requested_by: string | null;
  closure_status: string | null;
  closure_reason_enc: string | null;
  closure_approved_at: string | null;
  closure_approved_by: string | null;
  reopened_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CaseExploitationTypeTable {
  case_id: string;
  type: string;
}

export interface CaseEventTable {
  id: string;
  case_id: string;
  position: number;
  type: string;
  country: string | null;
  county_code: number | null;
  place_enc: string | null;
  date: string | null;
}

export interface ScreeningTable {
  id: string;
  case_id: string;
  observations_json: string;
  age_at_exploitation: number | null;
  suggested_status: string;
  suggestion_json: string;
  notes_enc: string | null;
  screened_by: string;
  screened_at: string;
  determination_state: string;
  determined_status: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_org: string | null;
  decision_agency_id: string | null;
  decision_reason_enc: string | null;
}

export interface ConsentTable {
  id: string;
  case_id: string;
  purpose: string;
  agency_id: string | null;
  sections: string;
  method: string;
  given_on: string;
  guardian_name_enc: string | null;
  best_interest_note_enc: string | null;
  recorded_by: string;
  recorded_at: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawal_reason_enc: string | null;
}

export interface CaseServiceTable {
  id: string;
  case_id: string;
  type: string;
  provider_agency_id: string | null;
  start_date: string | null;
  end_date: string | null;
  status: string;
  details_enc: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CaseNoteTable {
  id: string;
  case_id: string;
  body_enc: string;
  author_id: string;
  created_at: string;
}

export interface CaseAttachmentTable {
  id: string;
  case_id: string;
  file_name_enc: string;
  media_type: string;
  size: number;
  content_enc: string;
  uploaded_by: string;
  created_at: string;
}

export interface ReferralTable {
  id: string;
  case_id: string;
  kind: string;
  status: string;
  from_agency_id: string;
  to_agency_id: string;
  services: string;
  reason: string;
  details_enc: string | null;
  consent_id: string | null;
  consent_override_by: string | null;
  consent_override_reason_enc: string | null;
  created_by: string;
  created_at: string;
  approved_by: string | null;
  approved_at: string | null;
  respond_by: string | null;
  responded_by: string | null;
  responded_at: string | null;
  decline_reason_enc: string | null;
  completed_at: string | null;
  revoked_by: string | null;
  revoked_at: string | null;
  updated_at: string;
}

// ---- National Plan of Action and coordination (0004-plans) -----------------------------

export interface AgencyFocalPersonTable {
  id: string;
  agency_id: string;
  position: number;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  created_at: string;
}

export interface CoordinationMembershipTable {
  id: string;
  body: string;
  agency_id: string;
  role: string;
  since: string | null;
  created_at: string;
}

export interface PartnerPresenceTable {
  agency_id: string;
  area: string;
  /** 0 = national. */
  county_code: number;
}

export interface PlanTable {
  id: string;
  title: string;
  period_start: number;
  period_end: number;
  currency: string;
  reporting_frequency: string;
  submission_deadline: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MeetingTable {
  id: string;
  kind: string;
  title: string;
  status: string;
  starts_at: string;
  ends_at: string | null;
  place: string | null;
  link: string | null;
  agenda: string | null;
  minutes: string | null;
  plan_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MeetingAttendeeTable {
  id: string;
  meeting_id: string;
  position: number;
  user_id: string | null;
  name: string;
  agency_id: string | null;
  attendance: string;
}

export interface MeetingDecisionTable {
  id: string;
  meeting_id: string;
  number: number;
  text: string;
  created_by: string;
  created_at: string;
}

export interface ActionItemTable {
  id: string;
  meeting_id: string;
  decision_id: string | null;
  text: string;
  owner_agency_id: string | null;
  owner_user_id: string | null;
  due_on: string | null;
  status: string;
  completed_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface PlanVersionTable {
  id: string;
  plan_id: string;
  number: number;
  status: string;
  based_on: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface PlanVersionStepTable {
  id: string;
  version_id: string;
  transition: string;
  actor_id: string | null;
  at: string;
  decision_id: string | null;
  note: string | null;
}

export interface PlanElementTable {
  id: string;
  version_id: string;
  element_key: string;
  kind: string;
  parent_key: string | null;
  position: number;
  title: string;
  lead_agency_id: string | null;
  data_json: string;
  created_at: string;
  updated_at: string;
}

export interface PlanCommentTable {
  id: string;
  version_id: string;
  element_key: string | null;
  thread_id: string;
  author_id: string;
  agency_id: string;
  body: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

export interface ReportingPeriodTable {
  id: string;
  plan_id: string;
  label: string;
  starts_on: string;
  ends_on: string;
  due_on: string;
}

export interface ProgressReportTable {
  id: string;
  period_id: string;
  version_id: string;
  agency_id: string;
  status: string;
  submitted_at: string | null;
  submitted_by: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_comment: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ProgressEntryTable {
  report_id: string;
  activity_key: string;
  status: string;
  narrative: string | null;
  updated_at: string;
}

export interface ProgressEvidenceTable {
  id: string;
  report_id: string;
  activity_key: string | null;
  file_name: string;
  media_type: string;
  size: number;
  content: string;
  uploaded_by: string;
  created_at: string;
}

export interface IndicatorActualTable {
  id: string;
  plan_id: string;
  period_id: string;
  indicator_key: string;
  value: number;
  disaggregation_json: string;
  note: string | null;
  entered_by: string;
  entered_at: string;
}

// ---- analytics and data release (0005) ---------------------------------------------------

export interface ImportTable {
  id: string;
  /** `ctdc` (de-identified records) or `htcds` (cases). */
  kind: string;
  /** running → completed, or rejected (invalid rows: nothing imported) or failed. */
  status: string;
  file_name: string;
  file_sha256: string;
  /** The agency HTCDS cases were imported into. */
  agency_id: string | null;
  total_rows: number;
  processed_rows: number;
  valid_rows: number;
  invalid_rows: number;
  imported_rows: number;
  /** `[{ line, reason }]`, reasons as codes with the offending column name, never cell values. */
  errors_json: string;
  created_by: string;
  created_at: string;
  finished_at: string | null;
}

/** One de-identified record in CTDC categories; flag families are bitmasks (shared/src/analytics-vocab.ts). */
export interface StatRecordTable {
  id: string;
  source: string;
  import_id: string | null;
  case_id: string | null;
  line: number | null;
  year: number;
  month: number | null;
  data_source: string | null;
  gender: string | null;
  age_band: string | null;
  citizenship: string | null;
  country_origin: string | null;
  country_transit: string | null;
  country_exploitation: string | null;
  county_origin: number | null;
  county_exploitation: number | null;
  exploitation: number;
  labour: number;
  sex_types: number;
  control: number;
  recruiter: number;
  recruitment: number;
}

/** Every column of `stat_records`, in the order bulk inserts list them. */
export const STAT_RECORD_COLUMNS = [
  'id',
  'source',
  'import_id',
  'case_id',
  'line',
  'year',
  'month',
  'data_source',
  'gender',
  'age_band',
  'citizenship',
  'country_origin',
  'country_transit',
  'country_exploitation',
  'county_origin',
  'county_exploitation',
  'exploitation',
  'labour',
  'sex_types',
  'control',
  'recruiter',
  'recruitment',
] as const satisfies readonly (keyof StatRecordTable)[];

export interface ReleaseTable {
  id: string;
  /** `k_anonymity` or `dp_synthetic`. */
  method: string;
  title: string;
  /** Which records it was built from: `all`, `case` (own cases) or `ctdc`. */
  source: string;
  attributes_json: string;
  params_json: string;
  metrics_json: string;
  record_count: number;
  csv: string;
  codebook: string;
  created_by: string;
  created_at: string;
}
