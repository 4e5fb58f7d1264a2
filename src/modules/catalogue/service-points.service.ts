import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/database.ts';
import { notFound } from '../../shared/app-error.ts';
import type { ServicePointTable } from './catalogue.table.ts';
import type { HandlingLevel } from './model.ts';

type PointRow = Selectable<ServicePointTable>;

const view = (r: PointRow, distanceRank?: number) => ({
  key: r.key,
  name: r.name,
  nameEn: r.name_en,
  level: r.level,
  streetCode: r.street_code,
  communityCode: r.community_code,
  address: r.address,
  openingHours: r.opening_hours,
  windows: r.windows,
  ...(distanceRank === undefined ? {} : { distanceRank }),
});

async function levelsOf(db: Kysely<Database>, item: string): Promise<HandlingLevel[]> {
  const row = await db
    .selectFrom('catalogue_item')
    .select('handling_levels')
    .where('key', '=', item)
    .executeTakeFirst();
  if (!row) throw notFound(`item ${item}`);
  return row.handling_levels as HandlingLevel[];
}

/**
 * The points that handle an item. The district centre takes every item (one-window intake);
 * street and community points take the items opened to their level (就近办).
 */
export async function listServicePoints(
  db: Kysely<Database>,
  q: {
    item?: string | undefined;
    street?: string | undefined;
    level?: HandlingLevel | undefined;
    limit: number;
    offset: number;
  },
) {
  let query = db.selectFrom('service_point');
  if (q.item) {
    const levels = await levelsOf(db, q.item);
    query = query.where((eb) => eb.or([eb('level', '=', 'district'), eb('level', 'in', levels)]));
  }
  if (q.street)
    query = query.where((eb) =>
      eb.or([eb('street_code', '=', q.street!), eb('level', '=', 'district')]),
    );
  if (q.level) query = query.where('level', '=', q.level);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('sort_order')
      .orderBy('key')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { data: rows.map((r) => view(r)), total: Number(count.n) };
}

/**
 * "Where can I do X nearest to street Y": the community points of that street first, then its
 * street centre, then the district centre. There are no street boundaries to measure real
 * distances on, so nearness is administrative, and said so by `distanceRank`.
 */
export async function nearestServicePoints(db: Kysely<Database>, item: string, street: string) {
  const levels = new Set(await levelsOf(db, item));
  const rows = await db
    .selectFrom('service_point')
    .selectAll()
    .where((eb) => eb.or([eb('street_code', '=', street), eb('level', '=', 'district')]))
    .orderBy('sort_order')
    .execute();
  const rank = { community: 0, street: 1, district: 2 } as const;
  const data = rows
    .filter((r) => r.level === 'district' || levels.has(r.level))
    .map((r) => view(r, rank[r.level]))
    .sort((a, b) => a.distanceRank! - b.distanceRank!);
  return { data, total: data.length };
}

/** One service point's street, for recording where an applicant came in person. */
export async function servicePointByKey(db: Kysely<Database>, key: string) {
  return db
    .selectFrom('service_point')
    .select(['key', 'street_code as streetCode'])
    .where('key', '=', key)
    .executeTakeFirst();
}
