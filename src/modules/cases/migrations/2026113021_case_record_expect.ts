import { sql, type Kysely } from 'kysely';

/**
 * An action's record checks, in the same statement, that each write it carries touched the rows
 * it should (see `record` in engine/context.ts). The check raises here rather than in the engine
 * because the transaction may commit in the same flight as the record: by the time the engine
 * could read the counts, the commit would already have run. OT409 is the engine's own code, read
 * back as a version conflict.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function case_record_expect(what text, actual bigint, expected int) returns int
    language plpgsql as $$
    begin
      if actual is distinct from expected then
        raise exception using
          errcode = 'OT409',
          message = format('%s: %s rows written where %s were expected', what, actual, expected),
          detail = what;
      end if;
      return 1;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function case_record_expect(text, bigint, int)`.execute(db);
}
