import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { assertRole, type Actor } from '../../shared/actor.ts';
import { AppError, notFound, type ProblemDetail } from '../../shared/app-error.ts';
import { renderMessage, type Locale } from '../../shared/messages.ts';
import { recordAudit } from '../audit/index.ts';
import { departmentDirectory, type DepartmentRef } from '../identity/index.ts';
import type { BundleDef, ItemDef } from './model.ts';
import { checkItem } from './rules/check-item.ts';
import { compileBundle, type CompileProblem, type CompiledBundle } from './rules/compile-bundle.ts';

const DISTRICT_CODE = '330106';

const deptView = (departments: Map<string, DepartmentRef>, key: string) => {
  const d = departments.get(key);
  return { key, name: d?.name ?? key, nameEn: d?.nameEn ?? key };
};

const searchText = (
  def: { name: string; nameEn: string; keywords?: string[] | undefined },
  extra = '',
) => [def.name, def.nameEn.toLowerCase(), ...(def.keywords ?? []), extra].join(' ');

/** Every item definition, for the compiler (the catalogue is hundreds of rows, not millions). */
// The whole list is ~650 kB of JSON and the case engine needs it on every transition: keep it,
// and check with one primary-key read (`stampOf`) that no process has edited it since.
const catalogueCache = new WeakMap<object, { stamp: string; items: Map<string, ItemDef> }>();
const bundleNameCache = new WeakMap<object, { stamp: string; names: Map<string, Named> }>();

interface Named {
  name: string;
  nameEn: string;
}

// A stamp is the table's generation, which every writing statement raises (see the migration
// 2026113019): a primary-key read, where a sum over the whole table was ~0.2 ms on the server.
type Stamp = string | null;
const stampOf = (table: 'catalogue_item' | 'catalogue_bundle') =>
  sql<Stamp>`(select generation::text from catalogue_generation where table_name = ${table})`;

async function itemsFor(db: Kysely<Database>, runner: Kysely<Database>, stamp: Stamp) {
  const cached = catalogueCache.get(db);
  if (cached?.stamp === stamp) return cached.items;
  const rows = await runner.selectFrom('catalogue_item').select('definition').execute();
  const items = new Map(rows.map((r) => [r.definition.key, r.definition]));
  // Without its generation row a table has no stamp, and a copy kept under none would never
  // be reloaded.
  if (stamp !== null) catalogueCache.set(db, { stamp, items });
  return items;
}

// `runner` lets a transaction check and load it on its own connection (PGlite has only one),
// while the cache stays keyed by the database.
export async function itemCatalogue(
  db: Kysely<Database>,
  runner: Kysely<Database> = db,
): Promise<Map<string, ItemDef>> {
  const head = await runner
    .selectNoFrom(stampOf('catalogue_item').as('items'))
    .executeTakeFirstOrThrow();
  return itemsFor(db, runner, head.items);
}

/**
 * The item catalogue, checked current, and one bundle's definition, read in the same round trip:
 * what a new application of a bundle needs (`bundleDefinition` and `itemCatalogue` together).
 */
export async function catalogueWithBundle(
  db: Kysely<Database>,
  key: string,
  runner: Kysely<Database> = db,
): Promise<{ items: Map<string, ItemDef>; bundle: BundleDef }> {
  const head = await runner
    .selectNoFrom((eb) => [
      stampOf('catalogue_item').as('items'),
      eb
        .selectFrom('catalogue_bundle')
        .select('definition')
        .where('key', '=', key)
        .$asScalar()
        .as('bundle'),
    ])
    .executeTakeFirstOrThrow();
  if (!head.bundle) throw notFound(`bundle ${key}`);
  return { items: await itemsFor(db, runner, head.items), bundle: head.bundle };
}

/**
 * The item catalogue and every bundle's name, both checked current by one small query: what a
 * reader that names what it counts (a KPI set) needs, in one round trip while nothing changes.
 */
export async function catalogueNames(
  db: Kysely<Database>,
): Promise<{ items: Map<string, ItemDef>; bundles: Map<string, Named> }> {
  const head = await db
    .selectNoFrom([
      stampOf('catalogue_item').as('items'),
      stampOf('catalogue_bundle').as('bundles'),
    ])
    .executeTakeFirstOrThrow();
  const loadBundles = async () => {
    const cached = bundleNameCache.get(db);
    if (cached?.stamp === head.bundles) return cached.names;
    const rows = await db
      .selectFrom('catalogue_bundle')
      .select(['key', 'name', 'name_en'])
      .execute();
    const names = new Map(rows.map((r) => [r.key, { name: r.name, nameEn: r.name_en }]));
    if (head.bundles !== null) bundleNameCache.set(db, { stamp: head.bundles, names });
    return names;
  };
  const [items, bundles] = await Promise.all([itemsFor(db, db, head.items), loadBundles()]);
  return { items, bundles };
}

// ---- items ---------------------------------------------------------------------------------

export interface ItemQuery {
  q?: string | undefined;
  department?: string | undefined;
  type?: string | undefined;
  level?: string | undefined;
  limit: number;
  offset: number;
}

export async function listItems(db: Kysely<Database>, q: ItemQuery) {
  let query = db.selectFrom('catalogue_item');
  if (q.q) query = query.where('search_text', 'ilike', `%${q.q}%`);
  if (q.department) query = query.where('department_key', '=', q.department);
  if (q.type) query = query.where('type', '=', q.type as ItemDef['type']);
  if (q.level) query = query.where((eb) => eb(eb.val(q.level!), '=', eb.fn.any('handling_levels')));
  const [rows, count, departments] = await Promise.all([
    query
      .select([
        'key',
        'name',
        'name_en',
        'type',
        'department_key',
        'statutory_days',
        'promised_days',
        'visits',
        'handling_levels',
        'channels',
      ])
      .orderBy('department_key')
      .orderBy('key')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    departmentDirectory(db),
  ]);
  return {
    total: Number(count.n),
    data: rows.map((r) => ({
      key: r.key,
      name: r.name,
      nameEn: r.name_en,
      type: r.type,
      department: deptView(departments, r.department_key),
      statutoryDays: r.statutory_days,
      promisedDays: r.promised_days,
      visits: r.visits,
      handlingLevels: r.handling_levels,
      channels: r.channels,
    })),
  };
}

export async function getItem(db: Kysely<Database>, key: string) {
  const row = await db
    .selectFrom('catalogue_item')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) throw notFound(`item ${key}`);
  const departments = await departmentDirectory(db);
  return {
    ...row.definition,
    department: deptView(departments, row.department_key),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}

function itemRow(def: ItemDef, actor: Actor) {
  return {
    key: def.key,
    name: def.name,
    name_en: def.nameEn,
    type: def.type,
    department_key: def.department,
    statutory_days: def.statutoryDays,
    promised_days: def.promisedDays,
    visits: def.visits,
    handling_levels: def.handlingLevels,
    channels: def.channels,
    definition: JSON.stringify(def) as unknown as ItemDef,
    search_text: searchText(def),
    updated_by: actor.username,
    division_code: DISTRICT_CODE,
  };
}

/**
 * Saves an item. The bundles that use it must still compile (a new element type could clash
 * with another item's), so they are checked in the same transaction.
 */
export async function putItem(
  db: Kysely<Database>,
  actor: Actor | null,
  key: string,
  input: Omit<ItemDef, 'key'>,
) {
  assertRole(actor, 'admin');
  const def: ItemDef = { key, ...input };
  const departments = await departmentDirectory(db);
  const problems = checkItem(def, new Set(departments.keys()));
  if (problems.length) throw invalid(problems);
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('catalogue_item')
      .select('definition')
      .where('key', '=', key)
      .forUpdate()
      .executeTakeFirst();
    const row = itemRow(def, actor);
    await trx
      .insertInto('catalogue_item')
      .values(row)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          ...row,
          version: eb('catalogue_item.version', '+', 1),
          updated_at: new Date(),
        })),
      )
      .execute();
    const catalogue = await itemCatalogue(trx);
    const bundles = await trx.selectFrom('catalogue_bundle').select('definition').execute();
    for (const { definition } of bundles) {
      if (!definition.items.some((i) => i.item === key)) continue;
      const result = compileBundle(definition, catalogue);
      if (!result.ok)
        throw invalid(
          result.problems
            .map(toDetail)
            .map((p) => ({ ...p, field: `bundles.${definition.key}.${p.field}` })),
        );
    }
    await recordAudit(trx, actor, {
      action: before ? 'catalogue.item.update' : 'catalogue.item.create',
      targetType: 'catalogue_item',
      targetId: key,
      before: before?.definition,
      after: def,
      divisionCode: DISTRICT_CODE,
    });
  });
  return getItem(db, key);
}

function invalid(problems: ProblemDetail[]): AppError {
  const first = problems[0]!;
  return new AppError(
    400,
    first.code,
    { ...(first.field ? { field: first.field } : {}), ...first.params },
    first.field,
    problems,
  );
}

const toDetail = (p: CompileProblem): ProblemDetail => ({
  code: p.code,
  field: p.field,
  params: p.params,
});

// ---- bundles -------------------------------------------------------------------------------

export interface BundleQuery {
  audience?: 'citizen' | 'enterprise' | undefined;
  stage?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export async function listBundles(db: Kysely<Database>, q: BundleQuery) {
  let query = db.selectFrom('catalogue_bundle');
  if (q.audience) query = query.where('audience', '=', q.audience);
  if (q.stage) query = query.where('stage', '=', q.stage);
  if (q.q) query = query.where('search_text', 'ilike', `%${q.q}%`);
  const [rows, count] = await Promise.all([
    query
      .select(['key', 'name', 'name_en', 'audience', 'stage', 'promised_days', 'definition'])
      .orderBy('audience')
      .orderBy('stage')
      .orderBy('key')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    data: rows.map((r) => ({
      key: r.key,
      name: r.name,
      nameEn: r.name_en,
      audience: r.audience,
      stage: r.stage,
      promisedDays: r.promised_days,
      itemCount: r.definition.items.length,
    })),
  };
}

export async function getBundle(db: Kysely<Database>, key: string) {
  const row = await db
    .selectFrom('catalogue_bundle')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) throw notFound(`bundle ${key}`);
  const [catalogue, departments] = await Promise.all([itemCatalogue(db), departmentDirectory(db)]);
  const def = row.definition;
  return {
    ...def,
    items: def.items.map((ref) => {
      const item = catalogue.get(ref.item);
      return {
        ...ref,
        name: item?.name ?? ref.item,
        nameEn: item?.nameEn ?? ref.item,
        department: deptView(departments, item?.department ?? ''),
        promisedDays: item?.promisedDays ?? 0,
      };
    }),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}

export async function getCompiledBundle(
  db: Kysely<Database>,
  key: string,
): Promise<CompiledBundle> {
  const row = await db
    .selectFrom('catalogue_bundle')
    .select('definition')
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) throw notFound(`bundle ${key}`);
  const result = compileBundle(row.definition, await itemCatalogue(db));
  // Saved bundles always compiled when saved, and item edits re-check them; reaching this is a bug.
  if (!result.ok) throw new AppError(500, 'internal');
  return result.compiled;
}

/** The admin's live check while editing: never stores anything. */
export async function compileDraft(
  db: Kysely<Database>,
  actor: Actor | null,
  def: BundleDef,
  locale: Locale,
) {
  assertRole(actor, 'admin');
  const result = compileBundle(def, await itemCatalogue(db));
  return {
    ok: result.ok,
    problems: result.ok
      ? []
      : result.problems.map((p) => ({
          code: p.code,
          field: p.field,
          message: renderMessage(p.code, locale, p.params),
        })),
    compiled: result.ok ? result.compiled : null,
  };
}

function bundleRow(def: BundleDef, actor: Actor, catalogue: Map<string, ItemDef>) {
  const itemNames = def.items.map((i) => catalogue.get(i.item)?.name ?? '').join(' ');
  return {
    key: def.key,
    name: def.name,
    name_en: def.nameEn,
    audience: def.audience,
    stage: def.stage,
    promised_days: def.promisedDays,
    definition: JSON.stringify(def) as unknown as BundleDef,
    search_text: searchText(def, itemNames),
    updated_by: actor.username,
    division_code: DISTRICT_CODE,
  };
}

export async function putBundle(
  db: Kysely<Database>,
  actor: Actor | null,
  key: string,
  input: Omit<BundleDef, 'key'>,
) {
  assertRole(actor, 'admin');
  const def: BundleDef = { key, ...input };
  await db.transaction().execute(async (trx) => {
    const catalogue = await itemCatalogue(trx);
    const result = compileBundle(def, catalogue);
    if (!result.ok) {
      throw new AppError(
        400,
        'bundle_invalid',
        { count: result.problems.length },
        result.problems[0]?.field,
        result.problems.map(toDetail),
      );
    }
    const before = await trx
      .selectFrom('catalogue_bundle')
      .select('definition')
      .where('key', '=', key)
      .forUpdate()
      .executeTakeFirst();
    const row = bundleRow(def, actor, catalogue);
    await trx
      .insertInto('catalogue_bundle')
      .values(row)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          ...row,
          version: eb('catalogue_bundle.version', '+', 1),
          updated_at: new Date(),
        })),
      )
      .execute();
    await recordAudit(trx, actor, {
      action: before ? 'catalogue.bundle.update' : 'catalogue.bundle.create',
      targetType: 'catalogue_bundle',
      targetId: key,
      before: before?.definition,
      after: def,
      divisionCode: DISTRICT_CODE,
    });
  });
  return getBundle(db, key);
}

// exported for the seed and the spreadsheet import, which write many rows in one transaction
export { bundleRow, itemRow };

/** A bundle's definition as its keepers wrote it (for the case engine). */
export async function bundleDefinition(db: Kysely<Database>, key: string): Promise<BundleDef> {
  const row = await db
    .selectFrom('catalogue_bundle')
    .select('definition')
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) throw notFound(`bundle ${key}`);
  return row.definition;
}
