import { sql, type Kysely } from 'kysely';

// English pages read a case's title in English (the catalogue's nameEn, kept as the case started,
// like the Chinese title), and a message in the reader's language: its topic is kept so that the
// page words it, the stored Chinese body staying as the text of record and of older rows.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table cases add column title_en text`.execute(db);
  await sql`alter table notification add column kind text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table notification drop column kind`.execute(db);
  await sql`alter table cases drop column title_en`.execute(db);
}
