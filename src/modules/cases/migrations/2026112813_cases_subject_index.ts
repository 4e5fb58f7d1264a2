import { sql, type Kysely } from 'kysely';

// A public guide page shows how many materials past applications of its item or bundle had
// attached by the platform; without this index each view read every case in the table.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index cases_subject_idx on cases (subject) where state <> 'draft'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index cases_subject_idx`.execute(db);
}
