import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('signing_key')
    .addColumn('kid', 'text', (c) => c.primaryKey())
    .addColumn('issuer_code', 'text', (c) => c.notNull())
    .addColumn('public_jwk', 'jsonb', (c) => c.notNull())
    .addColumn('private_key_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('retired_at', 'timestamptz')
    .execute();
  // One active key per issuer; retired ones stay for the certificates they signed.
  await sql`create unique index signing_key_active on signing_key (issuer_code) where retired_at is null`.execute(
    db,
  );

  await sql`create sequence certificate_number_seq`.execute(db);
  await db.schema
    .createTable('certificate')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('type_name', 'text', (c) => c.notNull())
    .addColumn('holder_kind', 'text', (c) =>
      c.notNull().check(sql`holder_kind in ('person', 'enterprise')`),
    )
    .addColumn('holder_person_id', 'uuid')
    .addColumn('holder_enterprise_id', 'uuid')
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('holder_id_display', 'text', (c) => c.notNull())
    .addColumn('issuer_code', 'text', (c) => c.notNull())
    .addColumn('issuer_name', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'date', (c) => c.notNull())
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_until', 'date')
    .addColumn('fields', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('kid', 'text', (c) => c.notNull().references('signing_key.kid'))
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('case_id', 'uuid')
    .addColumn('item_key', 'text')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoke_reason', 'text')
    .addColumn('revoked_by', 'uuid')
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'certificate_holder',
      sql`(holder_kind = 'person' and holder_person_id is not null) or (holder_kind = 'enterprise' and holder_enterprise_id is not null)`,
    )
    .addCheckConstraint(
      'certificate_validity',
      sql`valid_until is null or valid_until >= valid_from`,
    )
    .addCheckConstraint(
      'certificate_revocation',
      sql`(revoked_at is null) = (revoke_reason is null)`,
    )
    .execute();
  // A case's item issues its certificate once, however often the outbox delivers the event.
  await sql`create unique index certificate_once on certificate (case_id, item_key) where case_id is not null`.execute(
    db,
  );
  await db.schema
    .createIndex('certificate_person')
    .on('certificate')
    .columns(['holder_person_id', 'type'])
    .execute();
  await db.schema
    .createIndex('certificate_enterprise')
    .on('certificate')
    .columns(['holder_enterprise_id', 'type'])
    .execute();

  await db.schema
    .createTable('certificate_share')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('certificate_id', 'uuid', (c) =>
      c.notNull().references('certificate.id').onDelete('cascade'),
    )
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('data_source')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) =>
      c.notNull().check(sql`subject_kind in ('person', 'enterprise')`),
    )
    .execute();
  await db.schema
    .createTable('data_record')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('source_key', 'text', (c) => c.notNull().references('data_source.key'))
    .addColumn('person_id', 'uuid')
    .addColumn('enterprise_id', 'uuid')
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('data_record_subject', sql`num_nonnulls(person_id, enterprise_id) = 1`)
    .execute();
  await sql`create unique index data_record_person on data_record (source_key, person_id) where person_id is not null`.execute(
    db,
  );
  await sql`create unique index data_record_enterprise on data_record (source_key, enterprise_id) where enterprise_id is not null`.execute(
    db,
  );
  await db.schema
    .createTable('data_query')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('person_id', 'uuid')
    .addColumn('enterprise_id', 'uuid')
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`length(purpose) > 0`))
    .addColumn('case_id', 'uuid')
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('found', 'boolean', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'data_query',
    'data_record',
    'data_source',
    'certificate_share',
    'certificate',
    'signing_key',
  ])
    await db.schema.dropTable(t).ifExists().execute();
  await sql`drop sequence if exists certificate_number_seq`.execute(db);
}
