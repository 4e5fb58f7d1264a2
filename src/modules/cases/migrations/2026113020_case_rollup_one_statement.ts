import { sql, type Kysely } from 'kysely';

/**
 * A transition that moves a case's figures (submitted, accepted, decided, closed) ran the roll-up
 * trigger as three statements: the old row's figures into an array, the new row's into it, and
 * `case_rollup_apply` to add them up. On the server that was ~0.13 + 0.04 + 0.23 ms, four times
 * an application. A case that keeps its place in the roll-up (the same kind, division, street,
 * subject and channel: every transition) now takes one statement with the same rows, the same
 * shard and the same key order; any other change takes the general path, as before.
 */
// Copied from 2026112916 rather than imported: a migration keeps the text it ran with.
const COUNTERS = [
  'submitted',
  'accepted',
  'declined',
  'withdrawn',
  'completed',
  'completed_on_time',
  'overdue',
  'closed',
  'closed_zero_trip',
  'trips',
  'ratings',
  'bad_ratings',
  'stars',
] as const;
const KEY = ['day', 'division_code', 'street_code', 'subject', 'channel', 'department'] as const;

const key = sql.raw(KEY.join(', '));
const list = sql.raw(COUNTERS.join(', '));
const sums = sql.raw(COUNTERS.map((c) => `sum(${c})::int`).join(', '));
const nonZero = sql.raw(COUNTERS.map((c) => `sum(${c}) <> 0`).join(' or '));
const add = sql.raw(COUNTERS.map((c) => `${c} = r.${c} + excluded.${c}`).join(', '));

const general = sql`
      if tg_op <> 'INSERT' and old.kind = 'service_application' then
        d := d || array(select x from case_rollup_of_case(
          old, exists(select 1 from trip where case_id = old.id), -1) x);
        if moved then d := d || array(select x from case_rollup_of_children(old, -1) x); end if;
      end if;
      if tg_op <> 'DELETE' and new.kind = 'service_application' then
        d := d || array(select x from case_rollup_of_case(
          new, exists(select 1 from trip where case_id = new.id), 1) x);
        if moved then d := d || array(select x from case_rollup_of_children(new, 1) x); end if;
      end if;
      if cardinality(d) > 0 then perform case_rollup_apply(d); end if;
      return null;`;

const header = sql`
    create or replace function case_rollup_on_case() returns trigger language plpgsql as $$
    declare
      d case_rollup[] := '{}';
      moved boolean := tg_op = 'UPDATE' and
        (old.kind, old.division_code, old.applicant_street_code, old.subject, old.channel)
        is distinct from
        (new.kind, new.division_code, new.applicant_street_code, new.subject, new.channel);
    begin`;

export async function up(db: Kysely<any>): Promise<void> {
  // `moved` false means the kind did not change either, so old and new are both applications.
  await sql`${header}
      if tg_op = 'UPDATE' and not moved and new.kind = 'service_application' then
        insert into case_rollup as r (${key}, shard, ${list})
        select ${key}, (1 + txid_current() % 63)::smallint, ${sums}
        from (select exists(select 1 from trip where case_id = new.id) as has) t,
          lateral (select * from case_rollup_of_case(old, t.has, -1)
                   union all
                   select * from case_rollup_of_case(new, t.has, 1)) x
        group by ${key}
        having ${nonZero}
        order by ${key}
        on conflict (${key}, shard) do update set ${add};
        return null;
      end if;
${general}
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`${header}
${general}
    end $$`.execute(db);
}
