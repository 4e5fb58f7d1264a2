import { describe, expect, it } from 'vitest';
import { targetFiguresProblem, targetProgress } from './target-progress.ts';

describe('targetProgress', () => {
  it('measures the way from baseline to target for a more-is-better target', () => {
    expect(targetProgress({ direction: 'increase', baseline: 0, target: 123, latest: 41 })).toEqual(
      { progress: 41 / 123, achievement: 41 / 123, met: false },
    );
    expect(
      targetProgress({ direction: 'increase', baseline: 118, target: 128, latest: 123 }).progress,
    ).toBeCloseTo(0.5);
  });

  it('reads a less-is-better target the same way: going down is progress', () => {
    const r = targetProgress({ direction: 'decrease', baseline: 20, target: 5, latest: 11 });
    expect(r.progress).toBeCloseTo(0.6);
    expect(r.met).toBe(false);
    expect(
      targetProgress({ direction: 'decrease', baseline: 20, target: 5, latest: 5 }),
    ).toMatchObject({ progress: 1, met: true });
  });

  it('gives no progress for a value worse than the baseline, and says by how much', () => {
    const up = targetProgress({ direction: 'increase', baseline: 100, target: 200, latest: 80 });
    expect(up.progress).toBe(0);
    expect(up.achievement).toBeCloseTo(-0.2);
    const down = targetProgress({ direction: 'decrease', baseline: 20, target: 5, latest: 26 });
    expect(down.progress).toBe(0);
    expect(down.achievement).toBeCloseTo(-0.4);
  });

  it('caps progress at 1 but keeps the over-achievement', () => {
    const r = targetProgress({ direction: 'increase', baseline: 0, target: 10, latest: 13 });
    expect(r.progress).toBe(1);
    expect(r.achievement).toBeCloseTo(1.3);
    expect(r.met).toBe(true);
    const d = targetProgress({ direction: 'decrease', baseline: 20, target: 5, latest: 2 });
    expect(d).toMatchObject({ progress: 1, met: true });
    expect(d.achievement).toBeCloseTo(1.2);
  });

  it('treats a target equal to its baseline as met or not', () => {
    expect(
      targetProgress({ direction: 'increase', baseline: 100, target: 100, latest: 100 }),
    ).toEqual({ progress: 1, achievement: 1, met: true });
    expect(
      targetProgress({ direction: 'increase', baseline: 100, target: 100, latest: 99 }),
    ).toEqual({ progress: 0, achievement: 0, met: false });
    expect(targetProgress({ direction: 'decrease', baseline: 3, target: 3, latest: 2 }).met).toBe(
      true,
    );
  });

  it('has no progress before the first report', () => {
    expect(targetProgress({ direction: 'increase', baseline: 0, target: 3, latest: null })).toEqual(
      { progress: null, achievement: null, met: null },
    );
  });
});

describe('targetFiguresProblem', () => {
  it('accepts targets on the right side of their baseline', () => {
    expect(targetFiguresProblem({ direction: 'increase', baseline: 0, target: 123 })).toBeNull();
    expect(targetFiguresProblem({ direction: 'decrease', baseline: 20, target: 5 })).toBeNull();
    expect(targetFiguresProblem({ direction: 'increase', baseline: 7, target: 7 })).toBeNull();
  });

  it('refuses a target that improving would never reach', () => {
    expect(targetFiguresProblem({ direction: 'increase', baseline: 10, target: 5 })).toBe(
      'targetValue',
    );
    expect(targetFiguresProblem({ direction: 'decrease', baseline: 5, target: 10 })).toBe(
      'targetValue',
    );
    expect(targetFiguresProblem({ direction: 'increase', baseline: 0, target: NaN })).toBe(
      'targetValue',
    );
  });
});
