import { describe, expect, it } from 'vitest';

import { allowedActions, checkAction } from './allowed-actions.ts';
import { step } from './definition-fixture.ts';

const review = step('review:food', {
  actions: [
    'approve',
    'reject',
    'request_correction',
    'return',
    'escalate',
    'start_special_procedure',
    'end_special_procedure',
    'withdraw',
  ],
  pausing: ['request_correction', 'start_special_procedure'],
});
const open = { state: 'open', pausedBy: null } as const;
const correcting = { state: 'paused', pausedBy: 'request_correction' } as const;
const special = { state: 'paused', pausedBy: 'start_special_procedure' } as const;

describe('allowedActions', () => {
  it('allows the step’s actions while open, except ending a procedure that is not running', () => {
    expect(allowedActions(review, open)).toEqual([
      'approve',
      'reject',
      'request_correction',
      'return',
      'escalate',
      'start_special_procedure',
      'withdraw',
    ]);
  });

  it('allows only resubmission or withdrawal during a correction', () => {
    expect(allowedActions(review, correcting)).toEqual(['submit', 'withdraw']);
    const intake = step('intake', {
      actions: ['accept', 'request_correction', 'decline', 'withdraw'],
      pausing: ['request_correction'],
    });
    expect(allowedActions(intake, correcting)).toEqual(['submit', 'withdraw']);
  });

  it('allows only ending a special procedure, and withdrawal where the step allows it', () => {
    expect(allowedActions(review, special)).toEqual(['end_special_procedure', 'withdraw']);
    const noWithdraw = { ...review, actions: review.actions.filter((a) => a !== 'withdraw') };
    expect(allowedActions(noWithdraw, special)).toEqual(['end_special_procedure']);
  });

  it('allows nothing on a pause with no known way back', () => {
    expect(allowedActions(review, { state: 'paused', pausedBy: null })).toEqual([]);
    expect(allowedActions(review, { state: 'paused', pausedBy: 'approve' })).toEqual([]);
  });
});

describe('checkAction', () => {
  it('accepts an allowed action', () => {
    expect(checkAction(review, open, 'approve')).toEqual({ ok: true });
    expect(checkAction(review, correcting, 'submit')).toEqual({ ok: true });
    expect(checkAction(review, special, 'end_special_procedure')).toEqual({ ok: true });
  });

  it('refuses with what would have been allowed', () => {
    expect(checkAction(review, correcting, 'approve')).toEqual({
      ok: false,
      allowed: ['submit', 'withdraw'],
    });
    expect(checkAction(review, open, 'end_special_procedure').ok).toBe(false);
    expect(checkAction(review, open, 'deliver').ok).toBe(false);
  });
});
