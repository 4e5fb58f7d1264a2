import { sql, type Kysely } from 'kysely';

// The window's case list is newest first: without this index every page sorted the whole table
// (76 ms at 100 k cases, 480 ms at 1 M; see BENCHMARKS.md, P3).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index cases_newest_idx on cases (created_at desc, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index cases_newest_idx`.execute(db);
}
