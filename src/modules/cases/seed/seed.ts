import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type { DayLookup } from '../../calendar/index.ts';
import {
  bundleDefinition,
  compileBundle,
  itemCatalogue,
  servicePointByKey,
  type ItemDef,
} from '../../catalogue/index.ts';
import { localDate } from '../clock.ts';
import type { EngineDeps } from '../engine/context.ts';
import { sweepSla } from '../engine/sweep.ts';
import { DemoActors } from './actors.ts';
import { demoApplicants } from './applicants.ts';
import { planCases, planInternal } from './plan.ts';
import { Random, Simulation, WorkingDays } from './simulation.ts';
import { applicationStory, internalStory, type SeedContext, type SubjectInfo } from './stories.ts';
import { alignTimestamps } from './timestamps.ts';

/** The window clerks of the demo and the service point each sits at. */
const WINDOWS: [string, string][] = [
  ['clerk', 'xihu-district-centre'],
  ['clerk-wenxin', 'wenxin-street-centre'],
];
const APPLICANT_ACCOUNTS = ['zhangsan', 'xixi-flavour'];
const SEED = 20_260_301;
/** Working days of history before today. */
const HISTORY = 60;

/** Whether there are applications already: then the demo cases are there, or real ones are. */
export async function hasCases(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('cases')
    .select('id')
    .where('kind', '=', 'service_application')
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * About 300 demo cases over the last 60 working days, in every state, each one made by the case
 * engine's own functions (draft, submit, act, rate, internal service) as the demo accounts,
 * with the engine's clock set to when each thing happened; then an SLA sweep with the real
 * clock, so the red and yellow lights are today's. Deterministic for a given day. Adds nothing
 * when there are applications already.
 */
export async function seedCases(
  db: Kysely<Database>,
  calendar: { lookup(): Promise<DayLookup> },
  progress: (m: string) => void = () => {},
  signal?: AbortSignal,
): Promise<void> {
  if (await hasCases(db)) {
    progress('cases: applications already present, no demo cases added');
    return;
  }
  const began = Date.now();
  const actors = await DemoActors.load(db);
  for (const name of [...APPLICANT_ACCOUNTS, ...WINDOWS.map(([clerk]) => clerk)]) {
    if (!actors.has(name)) throw new Error(`demo cases: the demo account ${name} is missing`);
  }
  for (const [, point] of WINDOWS) {
    if (!(await servicePointByKey(db, point)))
      throw new Error(`demo cases: the service point ${point} is missing`);
  }

  // One lookup for the whole run, taken outside any transaction. The engine asks for it inside
  // its transactions, and a WorkingCalendar whose cache has expired reloads through the pool:
  // on PGlite's single connection that waits behind the open transaction until it times out.
  const lookup = await calendar.lookup();
  const now = new Date();
  const days = new WorkingDays(localDate(now), HISTORY, lookup);
  const sim = new Simulation(now.getTime() - 60_000);
  const deps: EngineDeps = { db, calendar: { lookup: async () => lookup }, clock: sim.clock };
  const ctx: SeedContext = {
    db,
    deps,
    sim,
    days,
    actors,
    reviewers: actors.reviewers(),
    servicePoints: new Map(WINDOWS),
    caseIds: [],
    trips: [],
  };

  const subjects = await demoSubjects(db, ctx.reviewers);
  const applicants = await demoApplicants(db, actors);
  const rng = new Random(SEED);
  const plans = planCases({ rng: rng.fork(1), days, subjects, applicants });
  const internal = planInternal(rng.fork(2), days);
  progress(
    `cases: working ${plans.length + internal.length} demo cases through the last ${HISTORY} working days (about a minute)`,
  );
  await sim.run(
    [
      ...plans.map((p) => () => applicationStory(ctx, p)),
      ...internal.map((p) => () => internalStory(ctx, p)),
    ],
    signal,
  );
  await alignTimestamps(db, ctx.caseIds, ctx.trips);
  const swept = await sweepSla({ db, calendar });

  const counts = await db
    .selectFrom('cases')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('id', 'in', ctx.caseIds.length ? ctx.caseIds : ['00000000-0000-0000-0000-000000000000'])
    .groupBy('state')
    .execute();
  const seconds = ((Date.now() - began) / 1000).toFixed(1);
  progress(
    `cases: ${ctx.caseIds.length} demo cases (${counts
      .map((c) => `${c.state} ${Number(c.n)}`)
      .join(', ')}), ${ctx.trips.length} trips, ${swept.warnings} SLA warnings, in ${seconds} s`,
  );
}

/** The bundles and their items, as applicants see them, with the facts the plan needs. */
async function demoSubjects(db: Kysely<Database>, reviewers: Map<string, string>) {
  const catalogue = await itemCatalogue(db);
  const staffed = (items: ItemDef[]) => items.every((i) => reviewers.has(`dept:${i.department}`));
  const facts = (items: ItemDef[]) => ({
    kiosk: items.every((i) => i.channels.includes('kiosk')),
    street: items.every((i) => i.handlingLevels.includes('street')),
    permit: items.some((i) => i.type === 'permit'),
    visits: Math.max(0, ...items.map((i) => i.visits)),
  });
  const out: { citizen: SubjectInfo[]; enterprise: SubjectInfo[] } = {
    citizen: [],
    enterprise: [],
  };
  const itemAudience = new Map<string, Set<'citizen' | 'enterprise'>>();
  const bundles = await db
    .selectFrom('catalogue_bundle')
    .select(['key', 'audience'])
    .orderBy('key')
    .execute();
  for (const { key, audience } of bundles) {
    const def = await bundleDefinition(db, key);
    const compiled = compileBundle(def, catalogue);
    const items = def.items.map((r) => catalogue.get(r.item)).filter((i): i is ItemDef => !!i);
    if (!compiled.ok || items.length !== def.items.length || !staffed(items)) continue;
    for (const i of items)
      itemAudience.set(i.key, (itemAudience.get(i.key) ?? new Set()).add(audience));
    out[audience].push({
      kind: 'bundle',
      key,
      audience,
      form: compiled.compiled.form,
      materials: compiled.compiled.materials,
      items,
      firstItems: def.items.filter((r) => !r.after?.length).map((r) => catalogue.get(r.item)!),
      ...facts(items),
    });
  }
  for (const [key, audiences] of [...itemAudience.entries()].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const item = catalogue.get(key)!;
    for (const audience of audiences) {
      out[audience].push({
        kind: 'item',
        key,
        audience,
        form: item.form,
        materials: item.materials,
        items: [item],
        firstItems: [item],
        ...facts([item]),
      });
    }
  }
  return out;
}
