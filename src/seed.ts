import type { Kysely } from 'kysely';
import type { Database } from './db/database.ts';
import { WorkingCalendar } from './modules/calendar/index.ts';
import { seedCases } from './modules/cases/index.ts';
import { seedCatalogue } from './modules/catalogue/index.ts';
import { seedDataSources } from './modules/certificates/index.ts';
import { seedIdentity } from './modules/identity/index.ts';
import { seedKiosks } from './modules/kiosk/index.ts';
import { seedPlan } from './modules/plan/index.ts';

/** Whether the demo data is already there (the district unit is the first thing seeded). */
export async function isSeeded(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('org_unit')
    .select('id')
    .where('kind', '=', 'district')
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * Loads the demo data for Xihu, module by module, in dependency order. `cases: false` leaves
 * out the demo cases, which a first start adds in the background (seedDemoCases).
 */
export async function seedAll(
  db: Kysely<Database>,
  progress: (msg: string) => void,
  opts: { cases?: boolean } = {},
): Promise<void> {
  await seedIdentity(db, progress);
  await seedCatalogue(db, progress);
  await seedKiosks(db, progress);
  await seedPlan(db, progress);
  await seedDataSources(db, progress);
  // Cases last: they are made by the engine from the org tree and the catalogue above.
  if (opts.cases !== false) await seedDemoCases(db, progress);
}

/** The few hundred demo cases, worked through the engine over the last 60 working days. */
export async function seedDemoCases(
  db: Kysely<Database>,
  progress: (msg: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  await seedCases(db, new WorkingCalendar(db), progress, signal);
}
