import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalogue_item')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('department_key', 'text', (c) => c.notNull())
    .addColumn('statutory_days', 'integer', (c) => c.notNull())
    .addColumn('promised_days', 'integer', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull())
    .addColumn('handling_levels', sql`text[]`, (c) => c.notNull())
    .addColumn('channels', sql`text[]`, (c) => c.notNull())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text')
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addCheckConstraint('catalogue_item_promise_check', sql`promised_days <= statutory_days`)
    .execute();
  await sql`create index catalogue_item_search_idx on catalogue_item using gin (search_text gin_trgm_ops)`.execute(
    db,
  );
  await db.schema
    .createIndex('catalogue_item_department_idx')
    .on('catalogue_item')
    .column('department_key')
    .execute();

  await db.schema
    .createTable('catalogue_bundle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) =>
      c.notNull().check(sql`audience in ('citizen','enterprise')`),
    )
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('promised_days', 'integer', (c) => c.notNull())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text')
    .addColumn('division_code', 'text', (c) => c.notNull())
    .execute();
  await sql`create index catalogue_bundle_search_idx on catalogue_bundle using gin (search_text gin_trgm_ops)`.execute(
    db,
  );

  await db.schema
    .createTable('service_point')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('district','street','community')`),
    )
    .addColumn('street_code', 'text')
    .addColumn('community_code', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('opening_hours', 'text', (c) => c.notNull())
    .addColumn('windows', 'jsonb', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('division_code', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('search_synonym')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('target', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['search_synonym', 'service_point', 'catalogue_bundle', 'catalogue_item']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
