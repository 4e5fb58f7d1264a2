/**
 * The demo seed's sense of time: a deterministic random source, the working days before today,
 * and a scheduler that runs every case's story in the order of its own clock, so that the engine
 * sees time move forward only (case numbers, timelines and lights come out as they would have).
 */
import type { DayLookup } from '../../calendar/index.ts';
import type { Clock } from '../clock.ts';

/** mulberry32: small, fast and good enough for demo data; never Math.random. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** One of the keys, drawn by weight. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][];
    let r = this.next() * entries.reduce((a, [, w]) => a + w, 0);
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1]![0];
  }
  /** A few distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }
  /** A child generator: one per case, so a case's story does not depend on the others'. */
  fork(salt: number): Random {
    return new Random(Math.imul(this.state ^ salt, 2654435761) ^ (salt * 40503));
  }
}

const DAY_MS = 86_400_000;

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** An instant at a Shanghai wall-clock time (UTC+8 all year: China keeps no summer time). */
export function at(date: string, hour: number, minute = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hour - 8, minute));
}

/**
 * Working days around `today`, oldest first: `past` working days strictly before today, then
 * today (when it is one) and a few after it, for deadline arithmetic near the end.
 */
export class WorkingDays {
  readonly days: string[];
  /** Index in `days` of the first working day on or after today. */
  readonly todayIndex: number;
  constructor(
    readonly today: string,
    past: number,
    readonly lookup: DayLookup,
  ) {
    const before: string[] = [];
    for (let d = addDays(today, -1); before.length < past; d = addDays(d, -1)) {
      if (lookup(d).working) before.unshift(d);
    }
    const after: string[] = [];
    for (let d = today; after.length < 10; d = addDays(d, 1)) {
      if (lookup(d).working) after.push(d);
    }
    this.days = [...before, ...after];
    this.todayIndex = before.length;
  }
  /** The working day `n` working days before today (n >= 1). */
  ago(n: number): string {
    const i = this.todayIndex - n;
    if (i < 0) throw new RangeError(`only ${this.todayIndex} working days are planned`);
    return this.days[i]!;
  }
  /** The first working day on or after `date` (the last planned one if it is further off). */
  onOrAfter(date: string): string {
    return this.days.find((d) => d >= date) ?? this.days[this.days.length - 1]!;
  }
  /** The working day `n` working days after the working day on or after `day`. */
  after(day: string, n: number): string {
    const i = this.days.indexOf(this.onOrAfter(day));
    return this.days[Math.min(i + n, this.days.length - 1)]!;
  }
  /** How many working days before today `day` is (1: the last working day before today). */
  age(day: string): number {
    return this.todayIndex - this.days.indexOf(day);
  }
}

interface Waiting {
  at: number;
  seq: number;
  wake: () => void;
}

/**
 * Runs many stories (async functions) one step at a time in the order of their clocks. A story
 * calls `until(t)` before each thing it does at time t; the scheduler wakes the story with the
 * earliest t, sets the clock to it and waits until that story asks for its next time or ends.
 * Only one story runs at a time, so the engine's calls never overlap. A time at or past the
 * horizon (the real now) is never reached: `until` answers false and the story stops there,
 * leaving its case wherever it had got to, as a real case would be today.
 */
export class Simulation {
  private heap: Waiting[] = [];
  private seq = 0;
  private current = 0;
  private parked: (() => void) | undefined;
  private failure: unknown;
  readonly clock: Clock = { now: () => new Date(this.current) };

  constructor(readonly horizon: number) {}

  get now(): Date {
    return new Date(this.current);
  }

  until(time: Date): Promise<boolean> {
    const t = Math.max(time.getTime(), this.current);
    if (t >= this.horizon) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      this.push({ at: t, seq: this.seq++, wake: () => resolve(true) });
      this.yieldTurn();
    });
  }

  /**
   * Runs the stories to the horizon; an abort stops it between two turns, never inside one.
   * Each turn ends with a pass of the event loop: on embedded PGlite every query resolves in
   * the process itself, and without it a server seeding in the background answers no request.
   */
  async run(stories: readonly (() => Promise<void>)[], signal?: AbortSignal): Promise<void> {
    const between = async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
    };
    for (const story of stories) {
      await between();
      await this.turn(() => this.start(story));
    }
    for (let next = this.pop(); next; next = this.pop()) {
      await between();
      this.current = next.at;
      const wake = next.wake;
      await this.turn(wake);
    }
  }

  private start(story: () => Promise<void>) {
    story().then(
      () => this.yieldTurn(),
      (err: unknown) => {
        this.failure ??= err;
        this.yieldTurn();
      },
    );
  }

  /** Lets one story run until it parks again or ends. */
  private async turn(go: () => void) {
    await new Promise<void>((resolve) => {
      this.parked = resolve;
      go();
    });
    if (this.failure) throw this.failure;
  }

  private yieldTurn() {
    const p = this.parked;
    this.parked = undefined;
    p?.();
  }

  private push(w: Waiting) {
    const h = this.heap;
    h.push(w);
    for (let i = h.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private pop(): Waiting | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

const before = (a: Waiting, b: Waiting) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
