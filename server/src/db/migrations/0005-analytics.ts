import type { Kysely } from 'kysely';

/**
 * Analytics and data release: imports of CTDC files and HTCDS workbooks, the one
 * de-identified view every figure is computed from (`stat_records`: CTDC categories, no
 * identifier, cases only while a statistics consent stands), and the releases built from
 * it with who made them, when and with which parameters.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // ---- imports ------------------------------------------------------------------------------
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('valid_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invalid_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('imports_file_idx').on('imports').columns(['kind', 'file_sha256']).execute();
  await db.schema.createIndex('imports_created_idx').on('imports').columns(['created_at']).execute();

  // ---- the de-identified view -----------------------------------------------------------------
  await db.schema
    .createTable('stat_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.references('imports.id'))
    .addColumn('case_id', 'text')
    .addColumn('line', 'integer')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer')
    .addColumn('data_source', 'text')
    .addColumn('gender', 'text')
    .addColumn('age_band', 'text')
    .addColumn('citizenship', 'text')
    .addColumn('country_origin', 'text')
    .addColumn('country_transit', 'text')
    .addColumn('country_exploitation', 'text')
    .addColumn('county_origin', 'integer')
    .addColumn('county_exploitation', 'integer')
    .addColumn('exploitation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('labour', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sex_types', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('control', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recruiter', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recruitment', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('stat_records_case_uq').on('stat_records').column('case_id').unique().execute();
  await db.schema.createIndex('stat_records_import_idx').on('stat_records').columns(['import_id', 'line']).execute();
  await db.schema.createIndex('stat_records_period_idx').on('stat_records').columns(['year', 'month']).execute();
  // One index per dashboard dimension: each GROUP BY of countBy then reads a narrow index in
  // order instead of the table (1,000,000 records: the whole dashboard in well under a second).
  for (const columns of [
    ['source'],
    ['gender', 'age_band'],
    ['citizenship'],
    ['country_exploitation'],
    ['exploitation'],
    ['labour'],
    ['sex_types'],
    ['control'],
    ['recruiter'],
    ['recruitment'],
  ]) {
    await db.schema
      .createIndex(`stat_records_${columns.join('_')}_idx`)
      .on('stat_records')
      .columns(columns)
      .execute();
  }

  // ---- releases -------------------------------------------------------------------------------
  await db.schema
    .createTable('releases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('attributes_json', 'text', (c) => c.notNull())
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('metrics_json', 'text', (c) => c.notNull())
    .addColumn('record_count', 'integer', (c) => c.notNull())
    .addColumn('csv', 'text', (c) => c.notNull())
    .addColumn('codebook', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('releases_created_idx').on('releases').columns(['created_at']).execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The analytics migration cannot be reverted; restore a backup instead.'));
}
