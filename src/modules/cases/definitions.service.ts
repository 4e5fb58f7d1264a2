import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import stringify from 'safe-stable-stringify';
import type { Database } from '../../db/database.ts';
import type { ProcessDefinition } from './model.ts';
import { validateDefinition } from './rules/validate-definition.ts';

const cache = new Map<string, ProcessDefinition>();
// Definition rows are content-addressed and never deleted: an id stored or found outside a
// transaction (so already committed) stays right for that database, and a new application of a
// busy service needs no statement for it.
const storedIds = new WeakMap<object, Map<string, string>>();

/**
 * Stores a definition once per distinct content and returns its id (from memory when this
 * process has already stored it outside a transaction). Running cases keep the
 * definition they started with, so a later edit of a bundle never rewrites a case in flight.
 */
export async function storeDefinition(
  trx: Kysely<Database>,
  def: ProcessDefinition,
): Promise<string> {
  const problems = validateDefinition(def);
  if (problems.length) {
    throw new Error(`process definition ${def.key} is invalid: ${JSON.stringify(problems)}`);
  }
  const digest = createHash('sha256')
    .update(stringify(def) ?? '')
    .digest('hex');
  const known = storedIds.get(trx)?.get(digest);
  if (known) return known;
  // One statement: the new row's id, or the stored one's when this content is already there.
  // When another transaction stored the same content a moment earlier, this statement's
  // snapshot does not see its row yet: a second read, with a new snapshot, does.
  const select = () =>
    trx.selectFrom('process_definition').select('id').where('digest', '=', digest);
  const row =
    (await trx
      .with('added', (db) =>
        db
          .insertInto('process_definition')
          .values({
            key: def.key,
            digest,
            kind: def.kind,
            definition: JSON.stringify(def) as unknown as ProcessDefinition,
          })
          .onConflict((oc) => oc.column('digest').doNothing())
          .returning('id'),
      )
      .selectFrom('added')
      .select('id')
      .unionAll(select())
      .limit(1)
      .executeTakeFirst()) ?? (await select().executeTakeFirstOrThrow());
  cache.set(row.id, def);
  if (!trx.isTransaction) {
    const ids = storedIds.get(trx) ?? new Map<string, string>();
    storedIds.set(trx, ids.set(digest, row.id));
  }
  return row.id;
}

export async function loadDefinition(db: Kysely<Database>, id: string): Promise<ProcessDefinition> {
  const hit = cache.get(id);
  if (hit) return hit;
  const row = await db
    .selectFrom('process_definition')
    .select('definition')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  cache.set(id, row.definition);
  return row.definition;
}
