import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * The scale scenario's data (P3): millions of service applications loaded with COPY, each a copy
 * of one of the seeded demo applications — which the engine itself worked through, so every
 * copy's steps, deadlines, trips and rating are consistent with its state — moved in time by
 * whole days, with its own id, number, applicant and street.
 *
 * The district takes `perDay` applications a day; application i (0 = the newest) arrived
 * i / perDay days ago, so a larger database is the same district with a longer history, and its
 * work in progress (what arrived in the last weeks) is the same size. The state follows the age:
 * most of the last days' applications are still open (submitted, in review, in correction, out
 * for delivery), nearly all of the older ones are closed, declined or withdrawn.
 */

const DAY = 86_400_000;

/** Share of each state by the application's age in days (the rest of each row: closed). */
const STATE_BY_AGE: { under: number; shares: Record<string, number> }[] = [
  {
    under: 1,
    shares: { draft: 5, submitted: 25, in_review: 50, correction: 5, delivering: 5, closed: 10 },
  },
  {
    under: 5,
    shares: {
      draft: 2,
      submitted: 3,
      in_review: 35,
      correction: 5,
      delivering: 8,
      closed: 42,
      declined: 3,
      withdrawn: 2,
    },
  },
  {
    under: 20,
    shares: {
      draft: 1,
      in_review: 6,
      correction: 1,
      delivering: 2,
      closed: 84,
      declined: 3,
      withdrawn: 3,
    },
  },
  { under: Infinity, shares: { draft: 1, closed: 92, declined: 4, withdrawn: 3 } },
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力春梅林海燕云飞晓宇浩然欣怡子涵';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same database. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], cumulative: readonly number[], r: number): T {
  const x = r * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return items[lo]!;
}

function cumulate(weights: readonly number[]): number[] {
  let s = 0;
  return weights.map((w) => (s += w));
}

// COPY's text format.
const escape = (s: string) =>
  /[\\\n\r\t]/.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')
    : s;
const pgArray = (a: unknown[]) =>
  `{${a.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/(["\\])/g, '\\$1')}"`)).join(',')}}`;

interface Column {
  name: string;
  type: string;
}

function encode(col: Column, v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (col.type === 'jsonb' || col.type === 'json') return escape(JSON.stringify(v));
  if (col.type === 'ARRAY') return escape(pgArray(v as unknown[]));
  if (col.type === 'boolean') return v ? 't' : 'f';
  return escape(String(v));
}

type Cell = (row: RowContext) => string;

/** What changes from one copy to the next. */
interface RowContext {
  id: string;
  caseId: string;
  number: string | null;
  deltaDays: number;
  applicantId: string;
  applicantName: string;
  street: string | null;
  todayDay: number;
}

const dayNumber = (d: string) => Math.floor(Date.parse(`${d}T00:00:00Z`) / DAY);
const dayStrings: string[] = [];
const dayString = (n: number) => (dayStrings[n] ??= new Date(n * DAY).toISOString().slice(0, 10));

/** The light of an open deadline today: red after it, yellow on it and the day before. */
const light = (due: number, today: number) =>
  due < today ? 'red' : due <= today + 1 ? 'yellow' : 'green';

/**
 * One template row's cells: constants pre-encoded once, dates and times moved by the copy's
 * whole days, ids and the fields named in `overrides` from the copy.
 */
function rowPlan(
  columns: readonly Column[],
  row: Record<string, unknown>,
  overrides: Record<string, Cell>,
): Compiled {
  return compile(
    columns.map((col): Cell | string => {
      const o = overrides[col.name];
      if (o) return o;
      const v = row[col.name];
      if (v === null || v === undefined) return '\\N';
      if (col.type === 'timestamp with time zone') {
        const ms = Date.parse(String(v));
        return (c) => new Date(ms + c.deltaDays * DAY).toISOString();
      }
      if (col.type === 'date') {
        const d = dayNumber(String(v));
        return (c) => dayString(d + c.deltaDays);
      }
      return encode(col, v);
    }),
  );
}

/**
 * A row's cells compiled: runs of constant cells joined once (with their tabs), so a copy costs
 * a handful of concatenations.
 */
interface Compiled {
  constants: string[];
  cells: Cell[];
}

function compile(cells: readonly (Cell | string)[]): Compiled {
  const constants: string[] = [''];
  const live: Cell[] = [];
  cells.forEach((cell, i) => {
    const sep = i === 0 ? '' : '\t';
    if (typeof cell === 'string') constants[constants.length - 1] += sep + cell;
    else {
      constants[constants.length - 1] += sep;
      live.push(cell);
      constants.push('');
    }
  });
  constants[constants.length - 1] += '\n';
  return { constants, cells: live };
}

const line = (row: Compiled, c: RowContext) => {
  let s = row.constants[0]!;
  for (let i = 0; i < row.cells.length; i++) s += row.cells[i]!(c) + row.constants[i + 1]!;
  return s;
};

interface Template {
  subject: string;
  state: string;
  createdMs: number;
  /** The latest instant in the case and its rows: a copy may not end in the future. */
  latestMs: number;
  acceptedDay: number | null;
  division: string;
  hasNumber: boolean;
  cases: Compiled;
  tasks: Compiled[];
  trips: Compiled[];
  ratings: Compiled[];
}

export interface Templates {
  columns: Record<'cases' | 'task' | 'trip' | 'rating', Column[]>;
  byState: Map<string, { list: Template[]; cumulative: number[] }>;
  streets: { codes: (string | null)[]; cumulative: number[] };
  count: number;
  subjects: number;
}

async function columnsOf(c: pg.Client, table: string): Promise<Column[]> {
  const r = await c.query<{ name: string; type: string }>(
    `select column_name as name, data_type as type from information_schema.columns
      where table_schema = current_schema() and table_name = $1 order by ordinal_position`,
    [table],
  );
  return r.rows;
}

/**
 * The seeded service applications as templates, grouped by state; each subject weighted by a
 * Zipf law over a fixed shuffle (a few services make most of the applications), each street or
 * town by a fixed weight (1.5 % of applicants give none).
 */
export async function loadTemplates(
  url: string,
  streetCodes: readonly string[],
): Promise<Templates> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const columns = {
      cases: await columnsOf(c, 'cases'),
      task: await columnsOf(c, 'task'),
      trip: await columnsOf(c, 'trip'),
      rating: await columnsOf(c, 'rating'),
    };
    const rows = (
      await c.query<{
        c: Record<string, unknown>;
        tasks: Record<string, unknown>[] | null;
        trips: Record<string, unknown>[] | null;
        rating: Record<string, unknown> | null;
      }>(
        `select to_jsonb(c) as c,
                (select jsonb_agg(to_jsonb(t)) from task t where t.case_id = c.id) as tasks,
                (select jsonb_agg(to_jsonb(t)) from trip t where t.case_id = c.id) as trips,
                (select to_jsonb(r) from rating r where r.case_id = c.id) as rating
           from cases c
          where c.kind = 'service_application' and c.parent_case_id is null
          order by c.created_at, c.id`,
      )
    ).rows;
    if (!rows.length) throw new Error('no seeded service application to copy');
    const rand = prng(20261129);
    const subjects = [...new Set(rows.map((r) => String(r.c['subject'])))].sort();
    for (let i = subjects.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [subjects[i], subjects[j]] = [subjects[j]!, subjects[i]!];
    }
    const subjectWeight = new Map(subjects.map((s, rank) => [s, 1 / (rank + 1) ** 0.9]));
    const caseOverrides: Record<string, Cell> = {
      id: (x) => x.id,
      number: (x) => x.number ?? '\\N',
      applicant_account_id: (x) => x.applicantId,
      applicant_person_id: (x) => x.applicantId,
      applicant_enterprise_id: () => '\\N',
      applicant_name: (x) => x.applicantName,
      applicant_street_code: (x) => x.street ?? '\\N',
      parent_case_id: () => '\\N',
    };
    const byState = new Map<string, { list: Template[]; weights: number[] }>();
    for (const r of rows) {
      const all = [r.c, ...(r.tasks ?? []), ...(r.trips ?? []), ...(r.rating ? [r.rating] : [])];
      let latestMs = 0;
      for (const o of all)
        for (const [k, v] of Object.entries(o))
          if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && k !== 'updated_at')
            latestMs = Math.max(latestMs, Date.parse(v));
      const state = String(r.c['state']);
      const caseSla = r.c['sla'] as string | null;
      const promised = r.c['promised_due'] as string | null;
      const tpl: Template = {
        subject: String(r.c['subject']),
        state,
        createdMs: Date.parse(String(r.c['created_at'])),
        latestMs,
        acceptedDay: r.c['accepted_on'] ? dayNumber(String(r.c['accepted_on'])) : null,
        division: String(r.c['division_code']),
        hasNumber: r.c['number'] !== null,
        cases: rowPlan(columns.cases, r.c, {
          ...caseOverrides,
          ...(caseSla && promised
            ? { sla: (x) => light(dayNumber(promised) + x.deltaDays, x.todayDay) }
            : {}),
        }),
        tasks: (r.tasks ?? []).map((t) => {
          const live = t['state'] === 'open' || t['state'] === 'paused';
          const due = t['due'] as string | null;
          return rowPlan(columns.task, t, {
            id: () => randomUUID(),
            case_id: (x) => x.caseId,
            ...(live && t['sla'] && due
              ? { sla: (x) => light(dayNumber(due) + x.deltaDays, x.todayDay) }
              : {}),
          });
        }),
        trips: (r.trips ?? []).map((t) =>
          rowPlan(columns.trip, t, { id: () => randomUUID(), case_id: (x) => x.caseId }),
        ),
        ratings: r.rating
          ? [
              rowPlan(columns.rating, r.rating, {
                case_id: (x) => x.caseId,
                follow_up_case_id: () => '\\N',
              }),
            ]
          : [],
      };
      const entry = byState.get(state) ?? { list: [], weights: [] };
      entry.list.push(tpl);
      entry.weights.push(subjectWeight.get(tpl.subject)!);
      byState.set(state, entry);
    }
    const streetWeights = streetCodes.map(() => 0.4 + rand() * 1.6);
    return {
      columns,
      byState: new Map(
        [...byState].map(([s, e]) => [s, { list: e.list, cumulative: cumulate(e.weights) }]),
      ),
      streets: {
        codes: [...streetCodes, null],
        cumulative: cumulate([
          ...streetWeights,
          (streetWeights.reduce((a, b) => a + b, 0) * 1.5) / 98.5,
        ]),
      },
      count: rows.length,
      subjects: subjects.length,
    };
  } finally {
    await c.end();
  }
}

export interface Sample {
  id: string;
  number: string;
}

/** A uniform sample of the generated cases that have a number, for lookups. */
export class Reservoir {
  readonly items: Sample[] = [];
  private seen = 0;
  private readonly rand = prng(7);
  constructor(private readonly size: number) {}
  offer(s: Sample) {
    this.seen++;
    if (this.items.length < this.size) this.items.push(s);
    else {
      const j = Math.floor(this.rand() * this.seen);
      if (j < this.size) this.items[j] = s;
    }
  }
}

export interface GenerateOptions {
  /** Applications [from, to) by age rank: 0 is the newest. */
  from: number;
  to: number;
  perDay: number;
  now: Date;
  sample: Reservoir;
  /** Cases per COPY batch (each batch's tasks, trips and ratings follow in their own COPY). */
  batch?: number;
  progress?: (done: number, rows: number) => void;
}

export interface GenerateResult {
  cases: number;
  tasks: number;
  trips: number;
  ratings: number;
  byState: Record<string, number>;
  oldest: string;
  newest: string;
  seconds: number;
}

const shanghaiDay = (ms: number) => Math.floor((ms + 8 * 3_600_000) / DAY);

async function copyRows(
  client: pg.Client,
  table: string,
  columns: readonly Column[],
  chunks: Iterable<Buffer>,
) {
  const stream = client.query(
    copyFrom(`copy ${table} (${columns.map((c) => `"${c.name}"`).join(', ')}) from stdin`),
  );
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  for await (const chunk of chunks) {
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
  }
  stream.end();
  await done;
}

/**
 * Loads applications [from, to) with COPY on two connections of its own: the cases of one batch
 * while the tasks, trips and ratings of the previous one follow (their foreign keys need the
 * cases committed). The roll-up triggers are the caller's to switch off and rebuild.
 */
export async function generate(
  url: string,
  tpl: Templates,
  o: GenerateOptions,
): Promise<GenerateResult> {
  const t0 = performance.now();
  const open = async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query('set synchronous_commit = off');
    return c;
  };
  const [main, children] = await Promise.all([open(), open()]);
  const batch = o.batch ?? 25_000;
  const nowMs = o.now.getTime();
  const todayDay = shanghaiDay(nowMs);
  const rand = prng(o.from * 31 + 11);
  const pool: { id: string; name: string }[] = [];
  const POOL = 200_000;
  const applicant = () => {
    const k = Math.floor(rand() * POOL);
    if (k >= pool.length) {
      const name =
        SURNAMES[Math.floor(rand() * SURNAMES.length)]! +
        GIVEN[Math.floor(rand() * GIVEN.length)]! +
        (rand() < 0.7 ? GIVEN[Math.floor(rand() * GIVEN.length)]! : '');
      const a = { id: randomUUID(), name };
      pool.push(a);
      return a;
    }
    return pool[k]!;
  };
  const stateRows = STATE_BY_AGE.map((b) => {
    const states = Object.keys(b.shares).filter((s) => tpl.byState.has(s));
    return { under: b.under, states, cumulative: cumulate(states.map((s) => b.shares[s]!)) };
  });
  // Case numbers come from the engine's sequence, reserved for this load.
  const seq = await main.query<{ n: number }>(
    `select setval('case_number_seq', (select last_value from case_number_seq) + $1::bigint) - $1::bigint as n`,
    [o.to - o.from],
  );
  let nextNumber = Number(seq.rows[0]!.n) + 1;
  const counts = { cases: 0, tasks: 0, trips: 0, ratings: 0 };
  const byState: Record<string, number> = {};
  let oldestMs = Infinity;
  let newestMs = -Infinity;
  let pending: Promise<void> = Promise.resolve();
  try {
    for (let lo = o.from; lo < o.to; lo += batch) {
      const hi = Math.min(o.to, lo + batch);
      const tasks = new Chunks();
      const trips = new Chunks();
      const ratings = new Chunks();
      function* casesOfBatch() {
        let chunk = '';
        for (let i = lo; i < hi; i++) {
          const age = (i + rand()) / o.perDay;
          const band = stateRows.find((b) => age < b.under)!;
          const state = pick(band.states, band.cumulative, rand());
          const group = tpl.byState.get(state)!;
          const t = pick(group.list, group.cumulative, rand());
          const targetDay = todayDay - Math.floor(age);
          let deltaDays = targetDay - shanghaiDay(t.createdMs);
          deltaDays = Math.min(deltaDays, Math.floor((nowMs - t.latestMs) / DAY));
          const a = applicant();
          const ctx: RowContext = {
            id: randomUUID(),
            caseId: '',
            number: null,
            deltaDays,
            applicantId: a.id,
            applicantName: a.name,
            street: pick(tpl.streets.codes, tpl.streets.cumulative, rand()),
            todayDay,
          };
          ctx.caseId = ctx.id;
          if (t.hasNumber) {
            const day = dayString((t.acceptedDay ?? shanghaiDay(t.createdMs)) + deltaDays);
            ctx.number = `${t.division}-${day.replace(/-/g, '')}-${String(nextNumber++).padStart(6, '0')}`;
            o.sample.offer({ id: ctx.id, number: ctx.number });
          }
          chunk += line(t.cases, ctx);
          for (const row of t.tasks) tasks.add(line(row, ctx));
          for (const row of t.trips) trips.add(line(row, ctx));
          for (const row of t.ratings) ratings.add(line(row, ctx));
          byState[state] = (byState[state] ?? 0) + 1;
          const created = t.createdMs + deltaDays * DAY;
          oldestMs = Math.min(oldestMs, created);
          newestMs = Math.max(newestMs, created);
          if (chunk.length > CHUNK) {
            yield Buffer.from(chunk);
            chunk = '';
          }
        }
        if (chunk) yield Buffer.from(chunk);
      }
      await copyRows(main, 'cases', tpl.columns.cases, casesOfBatch());
      await pending;
      counts.cases += hi - lo;
      o.progress?.(counts.cases + o.from, counts.tasks + counts.trips + counts.ratings);
      pending = (async () => {
        await copyRows(children, 'task', tpl.columns.task, tasks.done());
        await copyRows(children, 'trip', tpl.columns.trip, trips.done());
        await copyRows(children, 'rating', tpl.columns.rating, ratings.done());
        counts.tasks += tasks.rows;
        counts.trips += trips.rows;
        counts.ratings += ratings.rows;
      })();
      pending.catch(() => {});
    }
    await pending;
    o.progress?.(o.to, counts.tasks + counts.trips + counts.ratings);
  } finally {
    await Promise.allSettled([main.end(), children.end()]);
  }
  return {
    ...counts,
    byState,
    oldest: new Date(oldestMs).toISOString(),
    newest: new Date(newestMs).toISOString(),
    seconds: (performance.now() - t0) / 1000,
  };
}

const CHUNK = 256 * 1024;

/** Rows kept for a later COPY as buffers of about CHUNK characters (off the JS heap). */
class Chunks {
  rows = 0;
  private readonly parts: Buffer[] = [];
  private current = '';
  add(row: string) {
    this.rows++;
    this.current += row;
    if (this.current.length > CHUNK) {
      this.parts.push(Buffer.from(this.current));
      this.current = '';
    }
  }
  done(): Buffer[] {
    if (this.current) this.parts.push(Buffer.from(this.current));
    this.current = '';
    return this.parts;
  }
}
