import { describe, expect, it } from 'vitest';
import { Random, Simulation, WorkingDays, at } from './simulation.ts';

describe('Simulation', () => {
  it('runs the stories step by step in the order of their clocks, never past the horizon', async () => {
    const sim = new Simulation(Date.parse('2026-03-10T00:00:00Z'));
    const seen: string[] = [];
    const story = (name: string, times: string[]) => async () => {
      for (const t of times) {
        if (!(await sim.until(new Date(t)))) {
          seen.push(`${name} stops`);
          return;
        }
        seen.push(`${name} ${sim.clock.now().toISOString().slice(5, 10)}`);
        await Promise.resolve(); // work in between, as an engine call would
      }
    };
    await sim.run([
      story('a', ['2026-03-02T01:00:00Z', '2026-03-05T01:00:00Z', '2026-03-12T01:00:00Z']),
      story('b', ['2026-03-01T01:00:00Z', '2026-03-04T01:00:00Z']),
      story('c', ['2026-03-03T01:00:00Z', '2026-03-02T00:00:00Z']),
    ]);
    expect(seen).toEqual([
      'b 03-01',
      'a 03-02',
      'c 03-03',
      // A time already passed is now: the clock never goes back.
      'c 03-03',
      'b 03-04',
      'a 03-05',
      'a stops',
    ]);
  });

  it('passes a story’s failure on', async () => {
    const sim = new Simulation(Date.parse('2026-03-10T00:00:00Z'));
    await expect(
      sim.run([
        async () => {
          await sim.until(new Date('2026-03-02T00:00:00Z'));
          throw new Error('boom');
        },
      ]),
    ).rejects.toThrow('boom');
  });
});

describe('Random', () => {
  it('is the same sequence for the same seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    expect(Array.from({ length: 5 }, () => a.int(0, 1000))).toEqual(
      Array.from({ length: 5 }, () => b.int(0, 1000)),
    );
  });
});

describe('WorkingDays', () => {
  it('counts working days back from today, skipping the days off', () => {
    const off = new Set(['2026-02-16', '2026-02-17']);
    const lookup = (d: string) => {
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
      return { working: dow !== 0 && dow !== 6 && !off.has(d), provisional: false };
    };
    const days = new WorkingDays('2026-02-18', 5, lookup);
    expect(days.ago(1)).toBe('2026-02-13');
    expect(days.ago(5)).toBe('2026-02-09');
    expect(days.after('2026-02-14', 1)).toBe('2026-02-19');
    expect(at('2026-02-13', 9, 30).toISOString()).toBe('2026-02-13T01:30:00.000Z');
  });
});
