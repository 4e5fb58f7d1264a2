import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { departmentDirectory } from '../identity/index.ts';
import { searchTerms } from './rules/search-terms.ts';

/**
 * Keyword search over bundles and items. Chinese has no spaces to split on, so a hit is a
 * substring match of the query, of its everyday synonyms (开饭店 → 开餐饮店), or of its
 * two-character pieces; pg_trgm's similarity only breaks ties between equally good hits.
 */
export async function searchCatalogue(db: Kysely<Database>, q: string, limit: number) {
  const query = q.trim().toLowerCase();
  if (!query) return { data: [], total: 0 };
  const synonyms = await db
    .selectFrom('search_synonym')
    .select(['term', 'target'])
    .where((eb) =>
      eb.or([
        eb(sql.lit(query), 'like', sql<string>`'%' || term || '%'`),
        eb('term', 'like', `%${query}%`),
      ]),
    )
    .execute();
  const terms = searchTerms(
    query,
    synonyms.map((s) => s.target),
  );
  const score = (table: 'catalogue_bundle' | 'catalogue_item') =>
    sql<number>`(${sql.join(
      terms.map(
        (t) =>
          sql`(case when strpos(${sql.ref(`${table}.search_text`)}, ${t.text}) > 0 then ${t.weight} else 0 end)`,
      ),
      sql` + `,
    )}) + similarity(${sql.ref(`${table}.name`)}, ${query})`;
  const [bundles, items, departments] = await Promise.all([
    db
      .selectFrom('catalogue_bundle')
      .select(['key', 'name', 'name_en', 'audience', score('catalogue_bundle').as('score')])
      .where(score('catalogue_bundle'), '>=', 1)
      .orderBy('score', 'desc')
      .orderBy('key')
      .limit(limit)
      .execute(),
    db
      .selectFrom('catalogue_item')
      .select(['key', 'name', 'name_en', 'department_key', score('catalogue_item').as('score')])
      .where(score('catalogue_item'), '>=', 1)
      .orderBy('score', 'desc')
      .orderBy('key')
      .limit(limit)
      .execute(),
    departmentDirectory(db),
  ]);
  // A bundle is what most people mean ("开饭店"), so bundles lead at equal relevance.
  const hits = [
    ...bundles.map((b) => ({
      score: Number(b.score) + 0.5,
      hit: {
        kind: 'bundle' as const,
        key: b.key,
        name: b.name,
        nameEn: b.name_en,
        audience: b.audience,
      },
    })),
    ...items.map((i) => {
      const d = departments.get(i.department_key);
      return {
        score: Number(i.score),
        hit: {
          kind: 'item' as const,
          key: i.key,
          name: i.name,
          nameEn: i.name_en,
          department: {
            key: i.department_key,
            name: d?.name ?? i.department_key,
            nameEn: d?.nameEn ?? i.department_key,
          },
        },
      };
    }),
  ].sort((a, b) => b.score - a.score);
  return { data: hits.slice(0, limit).map((h) => h.hit), total: hits.length };
}
