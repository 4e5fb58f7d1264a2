import { sql, type Kysely } from 'kysely';

// How the applicant asked to receive the result (领取方式), chosen on the form; the delivery step
// starts from it. Apart from `delivery`, which records what was actually done.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table cases add column delivery_choice jsonb`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table cases drop column delivery_choice`.execute(db);
}
