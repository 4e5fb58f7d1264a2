import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('file')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('owner_account_id', 'uuid', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) =>
      c.notNull().check(sql`char_length(original_name) between 1 and 255`),
    )
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size > 0`))
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('file_size_matches', sql`octet_length(content) = size`)
    // A retried upload (same owner, bytes and name) lands on the first row, even concurrently.
    .addUniqueConstraint('file_same_upload', ['owner_account_id', 'sha256', 'original_name'])
    .execute();
  // PDF, JPEG, PNG and OFD are compressed already: trying again only costs CPU.
  await sql`alter table file alter column content set storage external`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('file').execute();
}
