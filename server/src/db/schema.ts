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
}
