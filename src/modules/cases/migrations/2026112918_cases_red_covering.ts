import { sql, type Kysely } from 'kysely';

/**
 * The KPI set counts the open red applications (of a street, of a subject) on every read. With
 * the partial index on red cases holding only the deadline and id, the count fetched every red
 * row from the table (1,665 rows and as many pages at 100 k cases, about 2 ms); with the filter
 * columns included, it is an index-only scan. Same predicate and key, so the case list's
 * `sla = red` filter uses it as before. Not built CONCURRENTLY (migrations run in one
 * transaction): case writes wait while it is built, a few seconds at 1 M cases.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index cases_red_covering_idx on cases (promised_due, id)
    include (kind, applicant_street_code, subject) where sla = 'red'`.execute(db);
  await sql`drop index cases_red_idx`.execute(db);
  await sql`alter index cases_red_covering_idx rename to cases_red_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index cases_red_narrow_idx on cases (promised_due, id) where sla = 'red'`.execute(
    db,
  );
  await sql`drop index cases_red_idx`.execute(db);
  await sql`alter index cases_red_narrow_idx rename to cases_red_idx`.execute(db);
}
