import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { SYSTEM_ACTOR } from '../../../shared/actor.ts';
import { recordAudit } from '../../audit/index.ts';
import { compileBundle } from '../rules/compile-bundle.ts';
import { bundleRow, itemRow } from '../service.ts';
import { BUNDLES, ITEMS, SERVICE_POINTS } from './data/index.ts';
import { SYNONYMS } from './synonyms.ts';

/**
 * The Xihu implementation list: items, bundles (each must compile, or the seed stops with the
 * compiler's findings), service points and search synonyms. Adds what is missing.
 */
export async function seedCatalogue(
  db: Kysely<Database>,
  progress: (msg: string) => void = () => {},
) {
  const catalogue = new Map(ITEMS.map((i) => [i.key, i]));
  for (const b of BUNDLES) {
    const r = compileBundle(b, catalogue);
    if (!r.ok)
      throw new Error(`seed bundle ${b.key} does not compile: ${JSON.stringify(r.problems)}`);
  }
  await db.transaction().execute(async (trx) => {
    // Rows go in batches: one statement per row would dominate the first start.
    for (let i = 0; i < ITEMS.length; i += 100) {
      await trx
        .insertInto('catalogue_item')
        .values(ITEMS.slice(i, i + 100).map((d) => itemRow(d, SYSTEM_ACTOR)))
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    }
    progress(`catalogue: ${ITEMS.length} service items`);
    await trx
      .insertInto('catalogue_bundle')
      .values(BUNDLES.map((b) => bundleRow(b, SYSTEM_ACTOR, catalogue)))
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    progress(`catalogue: ${BUNDLES.length} bundles (一件事)`);
    await trx
      .insertInto('service_point')
      .values(
        SERVICE_POINTS.map((p, i) => ({
          key: p.key,
          name: p.name,
          name_en: p.nameEn,
          level: p.level,
          street_code: p.streetCode ?? null,
          community_code: p.communityCode ?? null,
          address: p.address,
          opening_hours: p.openingHours,
          windows: JSON.stringify(p.windows) as unknown as { number: string; name: string }[],
          sort_order: i,
          division_code: p.communityCode ?? p.streetCode ?? '330106',
        })),
      )
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    progress(`catalogue: ${SERVICE_POINTS.length} service points`);
    await trx
      .insertInto('search_synonym')
      .values(SYNONYMS.map(([term, target]) => ({ term, target })))
      .onConflict((oc) => oc.column('term').doNothing())
      .execute();
    await recordAudit(trx, SYSTEM_ACTOR, {
      action: 'seed.catalogue',
      targetType: 'catalogue',
      targetId: 'all',
    });
  });
}
