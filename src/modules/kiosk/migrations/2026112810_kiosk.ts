import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kiosk_device')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('service_point_key', 'text', (c) => c.notNull())
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('idle_seconds', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(60)
        .check(sql`idle_seconds between 1 and 3600`),
    )
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('kiosk_sign_in')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'uuid', (c) =>
      c.notNull().references('kiosk_device.id').onDelete('cascade'),
    )
    .addColumn('account_id', 'uuid')
    .addColumn('problem', 'jsonb')
    .addCheckConstraint('kiosk_sign_in_outcome', sql`(account_id is null) <> (problem is null)`)
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await sql`create index kiosk_sign_in_pending_idx on kiosk_sign_in (device_id, created_at desc) where used_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('kiosk_sign_in').execute();
  await db.schema.dropTable('kiosk_device').execute();
}
