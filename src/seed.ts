import type { Kysely } from 'kysely';
import type { Database } from './db/database.ts';
import { WorkingCalendar } from './modules/calendar/index.ts';
import { seedCases } from './modules/cases/index.ts';
import { seedCatalogue } from './modules/catalogue/index.ts';
import { seedIdentity } from './modules/identity/index.ts';
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

/** Loads the demo data for Xihu, module by module, in dependency order. */
export async function seedAll(
  db: Kysely<Database>,
  progress: (msg: string) => void,
): Promise<void> {
  await seedIdentity(db, progress);
  await seedCatalogue(db, progress);
  await seedPlan(db, progress);
  // Cases last: they are made by the engine from the org tree and the catalogue above.
  await seedCases(db, new WorkingCalendar(db), progress);
}
