import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * Case management: data keys, cases with their encrypted identifying columns and blind
 * indexes, route, screening, consent, services, notes, attachments and referrals.
 * Columns ending in `_enc` hold AES-256-GCM ciphertext under a data key; `bi_` columns
 * hold keyed hashes for exact-match search. Lists and filters read only plain columns.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    // The data key wrapped (AES-256-GCM) by the master key; the master key is never stored.
    .addColumn('wrapped', 'text', (c) => c.notNull())
    // Which master key wraps it: a keyed fingerprint, so a wrong key is caught at boot.
    .addColumn('master_key_check', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_sequences')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('draft', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('trafficking_status', 'text')
    .addColumn('gender', 'text')
    .addColumn('age_band', 'text')
    .addColumn('citizenship', 'text')
    .addColumn('county_code', 'integer')
    // JSON arrays/objects of picklist codes: de-identified, read whole with the case.
    .addColumn('exploitation_types', 'text', (c) => c.notNull())
    .addColumn('profile_json', 'text', (c) => c.notNull())
    .addColumn('victim_json', 'text', (c) => c.notNull())
    .addColumn('follow_up_at', 'text')
    .addColumn('first_name_enc', 'text')
    .addColumn('middle_name_enc', 'text')
    .addColumn('last_name_enc', 'text')
    .addColumn('birth_date_enc', 'text')
    .addColumn('identity_number_enc', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('email_enc', 'text')
    .addColumn('address_enc', 'text')
    .addColumn('narrative_enc', 'text')
    .addColumn('bi_name', 'text')
    .addColumn('bi_birth_date', 'text')
    .addColumn('bi_identity_number', 'text')
    .addColumn('bi_phone', 'text')
    .addColumn('bi_email', 'text')
    .addColumn('closure_requested_at', 'text')
    .addColumn('closure_requested_by', 'text', (c) => c.references('users.id'))
    .addColumn('closure_status', 'text')
    .addColumn('closure_reason_enc', 'text')
    .addColumn('closure_approved_at', 'text')
    .addColumn('closure_approved_by', 'text', (c) => c.references('users.id'))
    .addColumn('reopened_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The list's keyset orders, scoped by agency (the common case) and across agencies.
  await index(db, 'cases_agency_created_idx', 'cases', ['agency_id', 'created_at', 'id']);
  await index(db, 'cases_agency_status_created_idx', 'cases', ['agency_id', 'status', 'created_at', 'id']);
  await index(db, 'cases_created_idx', 'cases', ['created_at', 'id']);
  await index(db, 'cases_owner_idx', 'cases', ['owner_id', 'follow_up_at']);
  await index(db, 'cases_follow_up_idx', 'cases', ['agency_id', 'follow_up_at']);
  for (const column of ['bi_name', 'bi_birth_date', 'bi_identity_number', 'bi_phone', 'bi_email']) {
    await index(db, `cases_${column}_idx`, 'cases', [column]);
  }

  await db.schema
    .createTable('case_exploitation_types')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_exploitation_types_pk', ['case_id', 'type'])
    .execute();
  await index(db, 'case_exploitation_types_type_idx', 'case_exploitation_types', ['type', 'case_id']);

  await childTable(db, 'case_events', (t) =>
    t
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('country', 'text')
      .addColumn('county_code', 'integer')
      .addColumn('place_enc', 'text')
      .addColumn('date', 'text'),
  );

  await childTable(db, 'screenings', (t) =>
    t
      .addColumn('observations_json', 'text', (c) => c.notNull())
      .addColumn('age_at_exploitation', 'integer')
      .addColumn('suggested_status', 'text', (c) => c.notNull())
      .addColumn('suggestion_json', 'text', (c) => c.notNull())
      .addColumn('notes_enc', 'text')
      .addColumn('screened_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('screened_at', 'text', (c) => c.notNull())
      .addColumn('determination_state', 'text', (c) => c.notNull())
      .addColumn('determined_status', 'text')
      .addColumn('decided_by', 'text', (c) => c.references('users.id'))
      .addColumn('decided_at', 'text')
      .addColumn('decision_org', 'text')
      .addColumn('decision_agency_id', 'text', (c) => c.references('agencies.id'))
      .addColumn('decision_reason_enc', 'text'),
  );
  await index(db, 'screenings_case_idx', 'screenings', ['case_id', 'screened_at']);
  await index(db, 'screenings_pending_idx', 'screenings', ['determination_state', 'case_id']);

  await childTable(db, 'consents', (t) =>
    t
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
      .addColumn('sections', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('given_on', 'text', (c) => c.notNull())
      .addColumn('guardian_name_enc', 'text')
      .addColumn('best_interest_note_enc', 'text')
      .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', 'text')
      .addColumn('withdrawn_by', 'text', (c) => c.references('users.id'))
      .addColumn('withdrawal_reason_enc', 'text'),
  );
  await index(db, 'consents_case_idx', 'consents', ['case_id', 'purpose']);

  await childTable(db, 'case_services', (t) =>
    t
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('provider_agency_id', 'text', (c) => c.references('agencies.id'))
      .addColumn('start_date', 'text')
      .addColumn('end_date', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('details_enc', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  );
  await index(db, 'case_services_case_idx', 'case_services', ['case_id']);

  await childTable(db, 'case_notes', (t) =>
    t
      .addColumn('body_enc', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull()),
  );
  await index(db, 'case_notes_case_idx', 'case_notes', ['case_id', 'created_at']);

  await childTable(db, 'case_attachments', (t) =>
    t
      .addColumn('file_name_enc', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      // Ciphertext of the file, base64: kept in the database so backups and restores carry it.
      .addColumn('content_enc', 'text', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull()),
  );
  await index(db, 'case_attachments_case_idx', 'case_attachments', ['case_id', 'created_at']);

  await childTable(db, 'referrals', (t) =>
    t
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('from_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
      .addColumn('to_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
      .addColumn('services', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('details_enc', 'text')
      .addColumn('consent_id', 'text', (c) => c.references('consents.id'))
      .addColumn('consent_override_by', 'text', (c) => c.references('users.id'))
      .addColumn('consent_override_reason_enc', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('approved_by', 'text', (c) => c.references('users.id'))
      .addColumn('approved_at', 'text')
      .addColumn('respond_by', 'text')
      .addColumn('responded_by', 'text', (c) => c.references('users.id'))
      .addColumn('responded_at', 'text')
      .addColumn('decline_reason_enc', 'text')
      .addColumn('completed_at', 'text')
      .addColumn('revoked_by', 'text', (c) => c.references('users.id'))
      .addColumn('revoked_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  );
  await index(db, 'referrals_case_idx', 'referrals', ['case_id', 'status']);
  await index(db, 'referrals_to_idx', 'referrals', ['to_agency_id', 'status', 'created_at']);
  await index(db, 'referrals_from_idx', 'referrals', ['from_agency_id', 'status', 'created_at']);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The case migration cannot be reverted; restore a backup instead.'));
}

/** A table that belongs to one case: its own id and the case's. */
async function childTable(
  db: Kysely<unknown>,
  name: string,
  columns: (t: CreateTableBuilder<string, 'id' | 'case_id'>) => CreateTableBuilder<string, string>,
): Promise<void> {
  const base = db.schema
    .createTable(name)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'));
  await columns(base).execute();
}

async function index(db: Kysely<unknown>, name: string, table: string, columns: string[]): Promise<void> {
  await db.schema.createIndex(name).on(table).columns(columns).execute();
}
