import type { Kysely } from 'kysely';

/**
 * National Plan of Action and coordination: partner profiles (mandate, focal persons,
 * memberships, where agencies work), meetings with attendance, decisions and action items,
 * plans with versions whose elements keep one key across versions, comments, reporting
 * periods, progress reports with evidence, and indicator actuals. Nothing here is victim
 * data; the indicator sources count cases with SQL and store nothing about them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agencies').addColumn('mandate', 'text').execute();

  await db.schema
    .createTable('agency_focal_persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agency_focal_persons_agency_idx')
    .on('agency_focal_persons')
    .columns(['agency_id', 'position'])
    .execute();

  await db.schema
    .createTable('coordination_memberships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('since', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('coordination_memberships_uq')
    .on('coordination_memberships')
    .columns(['agency_id', 'body'])
    .unique()
    .execute();

  // One row per agency, area and county; county_code 0 (NATIONAL_COUNTY_CODE) is the whole country.
  await db.schema
    .createTable('partner_presence')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('county_code', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('partner_presence_pk', ['agency_id', 'area', 'county_code'])
    .execute();
  await db.schema
    .createIndex('partner_presence_area_idx')
    .on('partner_presence')
    .columns(['area', 'county_code'])
    .execute();

  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_start', 'integer', (c) => c.notNull())
    .addColumn('period_end', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('reporting_frequency', 'text', (c) => c.notNull())
    .addColumn('submission_deadline', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .addColumn('place', 'text')
    .addColumn('link', 'text')
    .addColumn('agenda', 'text')
    .addColumn('minutes', 'text')
    .addColumn('plan_id', 'text', (c) => c.references('plans.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_starts_idx').on('meetings').columns(['starts_at', 'id']).execute();

  await db.schema
    .createTable('meeting_attendees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('attendance', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_attendees_meeting_idx')
    .on('meeting_attendees')
    .columns(['meeting_id', 'position'])
    .execute();

  await db.schema
    .createTable('meeting_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_decisions_uq')
    .on('meeting_decisions')
    .columns(['meeting_id', 'number'])
    .unique()
    .execute();

  await db.schema
    .createTable('action_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('decision_id', 'text', (c) => c.references('meeting_decisions.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner_agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('action_items_status_idx')
    .on('action_items')
    .columns(['status', 'due_on', 'id'])
    .execute();
  await db.schema.createIndex('action_items_meeting_idx').on('action_items').columns(['meeting_id']).execute();
  await db.schema
    .createIndex('action_items_owner_idx')
    .on('action_items')
    .columns(['owner_agency_id', 'status'])
    .execute();

  await db.schema
    .createTable('plan_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('based_on', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_versions_uq').on('plan_versions').columns(['plan_id', 'number']).unique().execute();

  // Who moved a version, when, and on which meeting decision: the workflow's own record.
  await db.schema
    .createTable('plan_version_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('plan_versions.id'))
    .addColumn('transition', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('decision_id', 'text', (c) => c.references('meeting_decisions.id'))
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('plan_version_steps_version_idx')
    .on('plan_version_steps')
    .columns(['version_id', 'at'])
    .execute();

  // Every element of every version. element_key stays the same when a version is copied, so
  // versions compare element by element. data_json holds the kind's fields (plans.ts).
  await db.schema
    .createTable('plan_elements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('plan_versions.id'))
    .addColumn('element_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_key', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('lead_agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_elements_key_uq')
    .on('plan_elements')
    .columns(['version_id', 'element_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('plan_elements_tree_idx')
    .on('plan_elements')
    .columns(['version_id', 'parent_key', 'position'])
    .execute();
  await db.schema
    .createIndex('plan_elements_lead_idx')
    .on('plan_elements')
    .columns(['lead_agency_id', 'version_id'])
    .execute();

  await db.schema
    .createTable('plan_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('plan_versions.id'))
    .addColumn('element_key', 'text')
    .addColumn('thread_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Set on a thread's first comment only.
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('plan_comments_thread_idx')
    .on('plan_comments')
    .columns(['version_id', 'thread_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('reporting_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reporting_periods_uq')
    .on('reporting_periods')
    .columns(['plan_id', 'starts_on'])
    .unique()
    .execute();

  await db.schema
    .createTable('progress_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('reporting_periods.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('plan_versions.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('review_comment', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('progress_reports_uq')
    .on('progress_reports')
    .columns(['period_id', 'agency_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('progress_entries')
    .addColumn('report_id', 'text', (c) => c.notNull().references('progress_reports.id'))
    .addColumn('activity_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('narrative', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('progress_entries_pk', ['report_id', 'activity_key'])
    .execute();

  await db.schema
    .createTable('progress_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('progress_reports.id'))
    .addColumn('activity_key', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // base64, as attachments are kept (portable across both engines and backups).
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('progress_evidence_report_idx').on('progress_evidence').columns(['report_id']).execute();

  // Entered actuals only; computed sources are counted live and never stored.
  await db.schema
    .createTable('indicator_actuals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('period_id', 'text', (c) => c.notNull().references('reporting_periods.id'))
    .addColumn('indicator_key', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('disaggregation_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('entered_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('indicator_actuals_uq')
    .on('indicator_actuals')
    .columns(['period_id', 'indicator_key'])
    .unique()
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The plan migration cannot be reverted; restore a backup instead.'));
}
