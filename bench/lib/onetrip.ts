import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrations.ts';
import { postgresCpuSeconds } from './cpu.ts';
import { WorkingCalendar, type DayLookup } from '../../src/modules/calendar/index.ts';
import { getCompiledBundle, itemCatalogue } from '../../src/modules/catalogue/index.ts';
import type { EngineDeps } from '../../src/modules/cases/index.ts';
import { act } from '../../src/modules/cases/engine/act.ts';
import { saveDraft, startDraft, submit } from '../../src/modules/cases/engine/draft.ts';
import { seedAll } from '../../src/seed.ts';
import type { Actor, Channel } from '../../src/shared/actor.ts';
import type { Role } from '../../src/modules/identity/index.ts';

/**
 * The seeded bundle P1 runs: 水电气联合过户 — three items, no order between them and no
 * conditions, so its derived definition is intake → three parallel reviews → delivery.
 */
export const BENCH_BUNDLE = 'utilities-transfer';
export const BENCH_APPLICANT = 'zhangsan';
export const BENCH_CLERK = 'clerk';

export async function migrateAndSeed(db: Kysely<Database>): Promise<number> {
  const t = performance.now();
  await migrateToLatest(db);
  await seedAll(db, () => {});
  return (performance.now() - t) / 1000;
}

/** An actor as src/server/plugins/auth.ts resolves one from a session: account, grants, units. */
export async function actorFor(
  db: Kysely<Database>,
  where: { username: string } | { role: Role; orgUnitCode: string },
  channel: Channel,
): Promise<Actor> {
  let q = db
    .selectFrom('account as a')
    .select(['a.id', 'a.username', 'a.kind', 'a.org_unit_id', 'a.person_id', 'a.enterprise_id'])
    .select((eb) =>
      eb
        .selectFrom('role_grant as g')
        .innerJoin('org_unit as u', 'u.id', 'g.org_unit_id')
        .whereRef('g.account_id', '=', 'a.id')
        .select(
          sql<
            { role: Role; orgUnitId: string; orgUnitCode: string }[]
          >`coalesce(json_agg(json_build_object('role', g.role, 'orgUnitId', g.org_unit_id, 'orgUnitCode', u.code)), '[]')`.as(
            'roles',
          ),
        )
        .as('roles'),
    )
    .where('a.disabled_at', 'is', null);
  if ('username' in where) q = q.where('a.username', '=', where.username);
  else
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('role_grant as g')
          .innerJoin('org_unit as u', 'u.id', 'g.org_unit_id')
          .whereRef('g.account_id', '=', 'a.id')
          .where('g.role', '=', where.role)
          .where('u.code', '=', where.orgUnitCode)
          .select('g.account_id'),
      ),
    );
  const row = await q.orderBy('a.username').executeTakeFirst();
  if (!row) throw new Error(`no seeded account for ${JSON.stringify(where)}`);
  return {
    accountId: row.id,
    username: row.username,
    kind: row.kind,
    orgUnitId: row.org_unit_id,
    personId: row.person_id,
    enterpriseId: row.enterprise_id,
    roles: row.roles ?? [],
    requestId: null,
    channel,
  };
}

export interface Cast {
  applicant: Actor;
  clerk: Actor;
  /** review step key → the reviewer of the department that owns it. */
  reviewers: Map<string, Actor>;
  formData: Record<string, unknown>;
  materials: { key: string; name: string; source: 'upload'; reference: string }[];
}

/** The demo accounts that play one application, and a complete form for the bundle. */
export async function castFor(db: Kysely<Database>, bundle = BENCH_BUNDLE): Promise<Cast> {
  const compiled = await getCompiledBundle(db, bundle);
  const formData: Record<string, unknown> = {};
  for (const [key, p] of Object.entries(compiled.form.properties)) {
    formData[key] = p.enum
      ? p.enum[0]
      : p.type === 'boolean'
        ? false
        : p.type === 'number' || p.type === 'integer'
          ? 20
          : `测试${key}`;
  }
  const materials = compiled.materials
    .filter((m) => !m.producedBy)
    .map((m) => ({
      key: m.key,
      name: m.name,
      source: 'upload' as const,
      reference: `${m.key}.pdf`,
    }));
  const catalogue = await itemCatalogue(db);
  const reviewers = new Map<string, Actor>();
  for (const item of compiled.graph.nodes.map((n) => n.item)) {
    const dept = catalogue.get(item)?.department;
    if (!dept) throw new Error(`item ${item} has no department`);
    reviewers.set(
      `review:${item}`,
      await actorFor(db, { role: 'reviewer', orgUnitCode: `dept:${dept}` }, 'web'),
    );
  }
  return {
    applicant: await actorFor(db, { username: BENCH_APPLICANT }, 'web'),
    clerk: await actorFor(db, { username: BENCH_CLERK }, 'counter'),
    reviewers,
    formData,
    materials,
  };
}

/**
 * The working calendar as the engine sees it in the harness: refreshed by `prime()` outside any
 * transaction, and never loaded from inside one. The engine as shipped loads it inside its
 * transactions when the 30 s cache has expired, through the pool, not the transaction: with as
 * many transitions in flight as the pool has connections (always, on PGlite's one), every one
 * waits for a connection none will free, until the pool's timeout (see BENCHMARKS.md, bugs).
 */
class PrimedCalendar {
  private current: DayLookup | undefined;
  constructor(private readonly calendar: WorkingCalendar) {}
  async prime(): Promise<void> {
    this.current = await this.calendar.lookup();
  }
  async lookup(): Promise<DayLookup> {
    return this.current ?? this.calendar.lookup();
  }
}

export type BenchDeps = EngineDeps & { calendar: PrimedCalendar };

export function engineDeps(db: Kysely<Database>): BenchDeps {
  return { db, calendar: new PrimedCalendar(new WorkingCalendar(db)) };
}

export type Phase = 'draft' | 'save' | 'submit' | 'accept' | 'approve' | 'deliver';
/** Phases that complete a task (the P1 figure); draft, save and submit are transitions only. */
export const TASK_PHASES = new Set<Phase>(['accept', 'approve', 'deliver']);

async function openTasks(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('task')
    .select(['id', 'step_key', 'version'])
    .where('case_id', '=', caseId)
    .where('state', '=', 'open')
    .orderBy('step_key')
    .execute();
}

/**
 * One service application from draft to delivery through the engine's own functions, as the
 * routes call them. `before(phase)` may stop it (false) between transitions; `after(phase)` is
 * told each committed one. Reading the open tasks between transitions is the worker's own query
 * (what GET /cases/{id} gives a UI), not the engine's, and is the same for every backend.
 */
export async function runApplication(
  deps: BenchDeps,
  cast: Cast,
  hooks: {
    before?: (phase: Phase) => boolean;
    after?: (phase: Phase, ms: number) => void;
  } = {},
  bundle = BENCH_BUNDLE,
): Promise<boolean> {
  const step = async (phase: Phase, fn: () => Promise<unknown>) => {
    // Outside the transaction (free while cached): see PrimedCalendar.
    await deps.calendar.prime();
    if (hooks.before && !hooks.before(phase)) return false;
    const t = performance.now();
    await fn();
    hooks.after?.(phase, performance.now() - t);
    return true;
  };
  let caseId = '';
  if (
    !(await step('draft', async () => {
      caseId = await startDraft(deps, cast.applicant, { subject: { kind: 'bundle', key: bundle } });
    }))
  )
    return false;
  if (
    !(await step('save', () =>
      saveDraft(deps, cast.applicant, caseId, {
        version: 1,
        formData: cast.formData,
        materials: cast.materials,
      }),
    ))
  )
    return false;
  if (!(await step('submit', () => submit(deps, cast.applicant, caseId, { version: 2 }))))
    return false;
  let open = await openTasks(deps.db, caseId);
  const intake = open.find((t) => t.step_key === 'intake');
  if (!intake) throw new Error(`case ${caseId}: intake is not open after submit`);
  if (
    !(await step('accept', () =>
      act(deps, cast.clerk, intake.id, { action: 'accept', version: intake.version }),
    ))
  )
    return false;
  open = await openTasks(deps.db, caseId);
  if (open.length !== cast.reviewers.size)
    throw new Error(`case ${caseId}: ${open.length} reviews open, expected ${cast.reviewers.size}`);
  for (const t of open) {
    const reviewer = cast.reviewers.get(t.step_key);
    if (!reviewer) throw new Error(`no reviewer for ${t.step_key}`);
    if (
      !(await step('approve', () =>
        act(deps, reviewer, t.id, { action: 'approve', version: t.version }),
      ))
    )
      return false;
  }
  open = await openTasks(deps.db, caseId);
  const delivery = open.find((t) => t.step_key === 'delivery');
  if (!delivery) throw new Error(`case ${caseId}: delivery is not open after the reviews`);
  return step('deliver', () =>
    act(deps, cast.clerk, delivery.id, {
      action: 'deliver',
      version: delivery.version,
      delivery: { method: 'electronic' },
    }),
  );
}

export interface LoadResult {
  tasks: number;
  transitions: number;
  applications: number;
  seconds: number;
  tasksPerSecond: number;
  transitionsPerSecond: number;
  /** Share of one core the Node process used over the run (user + system). */
  nodeCpu: number;
  /** Share of one core PostgreSQL's processes used over the run; null where unreadable. */
  serverCpu: number | null;
  /** Median ms of each kind of transition. */
  phaseMs: Partial<Record<Phase, number>>;
}

/** N workers, each running applications back to back until `seconds` have passed. */
export async function engineLoad(
  deps: BenchDeps,
  cast: Cast,
  workers: number,
  seconds: number,
): Promise<LoadResult> {
  let tasks = 0;
  let transitions = 0;
  let applications = 0;
  const phaseTimes: Partial<Record<Phase, number[]>> = {};
  const cpu0 = process.cpuUsage();
  const server0 = postgresCpuSeconds();
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const done = await runApplication(deps, cast, {
        before: () => performance.now() < deadline,
        after: (phase, ms) => {
          transitions++;
          if (TASK_PHASES.has(phase)) tasks++;
          (phaseTimes[phase] ??= []).push(ms);
        },
      });
      if (done) applications++;
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const server1 = postgresCpuSeconds();
  const phaseMs: LoadResult['phaseMs'] = {};
  for (const [k, v] of Object.entries(phaseTimes)) {
    const s = [...v].sort((a, b) => a - b);
    phaseMs[k as Phase] = Math.round(s[Math.floor(s.length / 2)]! * 100) / 100;
  }
  return {
    tasks,
    transitions,
    applications,
    seconds: elapsed,
    tasksPerSecond: tasks / elapsed,
    transitionsPerSecond: transitions / elapsed,
    nodeCpu: (cpu.user + cpu.system) / 1e6 / elapsed,
    serverCpu: server0 === null || server1 === null ? null : (server1 - server0) / elapsed,
    phaseMs,
  };
}
