import { describe, expect, it } from 'vitest';

import { definition, step } from './definition-fixture.ts';
import { advance, isFinished, type StepState } from './open-steps.ts';

// intake → licence → food; intake → sign (only with a sign); everything → delivery.
const def = definition([
  step('intake'),
  step('licence', { after: ['intake'] }),
  step('food', { after: ['licence'] }),
  step('sign', { after: ['intake'], when: 'sign.planned' }),
  step('delivery', { after: ['licence', 'food', 'sign'] }),
]);

const waiting = (): Record<string, StepState> =>
  Object.fromEntries(def.steps.map((s) => [s.key, 'waiting' as StepState]));
const always = () => true;
const never = () => false;

describe('advance', () => {
  it('opens the steps with no prerequisites when the case starts', () => {
    expect(advance(def, waiting(), always)).toEqual({ open: ['intake'], skip: [] });
  });

  it('treats a step without a state as waiting', () => {
    expect(advance(def, {}, always)).toEqual({ open: ['intake'], skip: [] });
  });

  it('opens a step once every prerequisite is done, and not before', () => {
    const states = { ...waiting(), intake: 'done' as const };
    expect(advance(def, states, always)).toEqual({ open: ['licence', 'sign'], skip: [] });
    expect(advance(def, { ...states, licence: 'open', sign: 'done' }, always)).toEqual({
      open: [],
      skip: [],
    });
  });

  it('skips a step whose condition does not hold instead of opening it', () => {
    expect(advance(def, { ...waiting(), intake: 'done' }, never)).toEqual({
      open: ['licence'],
      skip: ['sign'],
    });
  });

  it('asks the condition only of steps about to open', () => {
    const asked: string[] = [];
    advance(def, waiting(), (when) => (asked.push(when), true));
    expect(asked).toEqual([]);
  });

  it('lets a skip clear the way, cascading to a fixpoint', () => {
    const states: Record<string, StepState> = {
      ...waiting(),
      intake: 'done',
      licence: 'done',
      food: 'done',
    };
    expect(advance(def, states, never)).toEqual({ open: ['delivery'], skip: ['sign'] });
  });

  it('cascades skips through a chain, reporting them in definition order', () => {
    // Listed backwards, so only repeated passes reach the end of the chain.
    const chain = definition([
      step('c', { after: ['b'], when: 'no' }),
      step('b', { after: ['a'], when: 'no' }),
      step('a', { when: 'no' }),
      step('end', { after: ['c'] }),
    ]);
    expect(advance(chain, {}, (when) => when !== 'no')).toEqual({
      open: ['end'],
      skip: ['c', 'b', 'a'],
    });
  });

  it('keeps dependents of a cancelled step waiting', () => {
    const states: Record<string, StepState> = {
      ...waiting(),
      intake: 'done',
      licence: 'cancelled',
      sign: 'done',
    };
    expect(advance(def, states, always)).toEqual({ open: [], skip: [] });
  });

  it('returns only changes, leaving open and paused steps alone', () => {
    const states: Record<string, StepState> = {
      ...waiting(),
      intake: 'done',
      licence: 'paused',
      sign: 'open',
    };
    expect(advance(def, states, never)).toEqual({ open: [], skip: [] });
  });

  it('does not loop on a cycle that slipped through', () => {
    const cyclic = definition([step('a', { after: ['b'] }), step('b', { after: ['a'] })]);
    expect(advance(cyclic, {}, always)).toEqual({ open: [], skip: [] });
  });
});

describe('isFinished', () => {
  it('is true when every step is done, skipped or cancelled', () => {
    expect(
      isFinished(def, {
        intake: 'done',
        licence: 'done',
        food: 'cancelled',
        sign: 'skipped',
        delivery: 'done',
      }),
    ).toBe(true);
  });

  it('is false while any step is waiting, open, paused or has no state', () => {
    const finished: Record<string, StepState> = {
      intake: 'done',
      licence: 'done',
      food: 'done',
      sign: 'done',
    };
    expect(isFinished(def, finished)).toBe(false);
    for (const state of ['waiting', 'open', 'paused'] as const) {
      expect(isFinished(def, { ...finished, delivery: state }), state).toBe(false);
    }
  });
});
