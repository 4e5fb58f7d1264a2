import type { Machine, Scratch } from './pg.ts';

export interface Goal {
  on: 'ratio' | 'value';
  op: '>=' | '<=' | '==';
  target: number;
}

export interface ScenarioResult {
  id: string;
  name: string;
  /** Median of the runs. */
  value: number;
  unit: string;
  /** Median of the baseline's runs, measured side by side in the same run (null: none). */
  baseline: number | null;
  baselineUnit: string | null;
  baselineWhat: string | null;
  /** value ÷ baseline. */
  ratio: number | null;
  /** e.g. "ratio >= 1" or "value <= 15". */
  goal: string;
  met: boolean | null;
  runs: { value: number[]; baseline: number[] };
  details: Record<string, unknown>;
}

export interface Context {
  quick: boolean;
  /** Runs per figure (the median is reported). */
  runs: number;
  /** Seconds of each timed load run. */
  seconds: number;
  workers: number;
  /** P3's large size (`--p3-size=N`); unset: 10 M, 25 k in a quick run. */
  p3Size?: number | undefined;
  /**
   * P2's submissions in all, shared by its rounds (`--p2-total=N`); unset: 100,000 in a full
   * run, time-boxed rounds of `seconds` in a quick one.
   */
  p2Total?: number | undefined;
  scratch: Scratch;
  machine: Machine;
  resultsDir: string;
  stamp: string;
  /**
   * A scratch database migrated and seeded once (`migrateToLatest` + `seedAll`) that the
   * scenarios on PostgreSQL copy (CREATE DATABASE … TEMPLATE): started at the beginning of the
   * run, awaited where first needed.
   */
  template(): Promise<{ name: string; seedSeconds: number }>;
}

export const goalText = (g: Goal) => `${g.on} ${g.op} ${g.target}`;

export function met(g: Goal, value: number, ratio: number | null): boolean | null {
  const x = g.on === 'ratio' ? ratio : value;
  if (x === null || !Number.isFinite(x)) return null;
  return g.op === '>=' ? x >= g.target : g.op === '<=' ? x <= g.target : x === g.target;
}
