import { sql, type Kysely } from 'kysely';

/**
 * A generation number per catalogue table, raised by every statement that writes the table
 * (insert, update, delete, truncate). The engine reads it before each transition that needs the
 * catalogue, to know its cached copy is current: a primary-key lookup, where summing over every
 * item's key and version read the whole table (~0.2 ms on the server, three times an application).
 *
 * It is a row, not a sequence: a sequence moves outside transactions, so a reader could see the
 * new number while the edit is uncommitted, cache the old items under it and keep them.
 */
const TABLES = ['catalogue_item', 'catalogue_bundle'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table catalogue_generation (
      table_name text primary key,
      generation bigint not null default 0
    )`.execute(db);
  await sql`insert into catalogue_generation (table_name) values
    ${sql.join(TABLES.map((t) => sql`(${t})`))}`.execute(db);
  await sql`
    create function catalogue_generation_bump() returns trigger language plpgsql as $$
    begin
      update catalogue_generation set generation = generation + 1 where table_name = tg_table_name;
      return null;
    end $$`.execute(db);
  for (const t of TABLES) {
    await sql`
      create trigger ${sql.raw(`${t}_generation`)}
      after insert or update or delete or truncate on ${sql.table(t)}
      for each statement execute function catalogue_generation_bump()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of TABLES) {
    await sql`drop trigger ${sql.raw(`${t}_generation`)} on ${sql.table(t)}`.execute(db);
  }
  await sql`drop function catalogue_generation_bump()`.execute(db);
  await sql`drop table catalogue_generation`.execute(db);
}
