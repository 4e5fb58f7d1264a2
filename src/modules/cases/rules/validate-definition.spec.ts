import { describe, expect, it } from 'vitest';

import { definition, step } from './definition-fixture.ts';
import { validateDefinition } from './validate-definition.ts';

describe('validateDefinition', () => {
  it('accepts a well-formed definition', () => {
    expect(
      validateDefinition(
        definition([
          step('intake', {
            actions: ['accept', 'request_correction', 'decline'],
            pausing: ['request_correction'],
            limitDays: null,
          }),
          step('review', {
            after: ['intake'],
            actions: ['approve', 'reject', 'start_special_procedure', 'end_special_procedure'],
            pausing: ['start_special_procedure'],
            limitDays: 0,
          }),
        ]),
      ),
    ).toEqual([]);
  });

  it('needs at least one step', () => {
    expect(validateDefinition(definition([]))).toEqual([
      { code: 'process_no_steps', field: 'steps', params: {} },
    ]);
  });

  it('reports a duplicate key at the second occurrence', () => {
    expect(validateDefinition(definition([step('a'), step('b'), step('a')]))).toEqual([
      { code: 'process_duplicate_step', field: 'steps[2].key', params: { step: 'a', first: 0 } },
    ]);
  });

  it('reports an after entry naming no step, at its position', () => {
    expect(
      validateDefinition(definition([step('a'), step('b', { after: ['a', 'ghost'] })])),
    ).toEqual([
      {
        code: 'process_unknown_after',
        field: 'steps[1].after[1]',
        params: { step: 'b', after: 'ghost' },
      },
    ]);
  });

  it('names a cycle in handling order from the step listed first', () => {
    expect(
      validateDefinition(
        definition([
          step('root'),
          step('y', { after: ['x'] }),
          step('x', { after: ['root', 'y'] }),
        ]),
      ),
    ).toEqual([
      { code: 'process_cycle', field: 'steps[1].after[0]', params: { cycle: 'y → x → y' } },
    ]);
    expect(validateDefinition(definition([step('a', { after: ['a'] })]))).toEqual([
      { code: 'process_cycle', field: 'steps[0].after[0]', params: { cycle: 'a → a' } },
    ]);
  });

  it('reports each distinct cycle once', () => {
    const problems = validateDefinition(
      definition([
        step('a', { after: ['b'] }),
        step('b', { after: ['a'] }),
        step('c', { after: ['d'] }),
        step('d', { after: ['c', 'b'] }),
      ]),
    );
    expect(problems.map((p) => p.params.cycle)).toEqual(['a → b → a', 'c → d → c']);
  });

  it('needs actions and a role on every step', () => {
    expect(validateDefinition(definition([step('a', { actions: [], role: ' ' })]))).toEqual([
      { code: 'process_no_actions', field: 'steps[0].actions', params: { step: 'a' } },
      { code: 'process_no_role', field: 'steps[0].role', params: { step: 'a' } },
    ]);
  });

  it('refuses pausing actions the step lacks or cannot resume from', () => {
    expect(
      validateDefinition(
        definition([
          step('a', {
            actions: ['approve', 'start_special_procedure'],
            pausing: ['request_correction', 'approve', 'start_special_procedure'],
          }),
        ]),
      ),
    ).toEqual([
      {
        code: 'process_bad_pausing',
        field: 'steps[0].pausing[0]',
        params: { step: 'a', action: 'request_correction', reason: 'not_an_action' },
      },
      {
        code: 'process_bad_pausing',
        field: 'steps[0].pausing[1]',
        params: { step: 'a', action: 'approve', reason: 'no_resume' },
      },
      {
        // Nothing on the step could end the special procedure.
        code: 'process_bad_pausing',
        field: 'steps[0].pausing[2]',
        params: { step: 'a', action: 'start_special_procedure', reason: 'no_resume' },
      },
    ]);
  });

  it('accepts null or a non-negative integer as a limit, and nothing else', () => {
    expect(
      validateDefinition(
        definition([step('a', { limitDays: -1 }), step('b', { limitDays: 2.5 })], {
          promisedDays: Number.NaN,
          statutoryDays: null,
        }),
      ),
    ).toEqual([
      { code: 'process_bad_limit', field: 'steps[0].limitDays', params: { step: 'a', value: -1 } },
      { code: 'process_bad_limit', field: 'steps[1].limitDays', params: { step: 'b', value: 2.5 } },
      { code: 'process_bad_limit', field: 'promisedDays', params: { value: 'NaN' } },
    ]);
  });

  it('reports every problem at once', () => {
    const problems = validateDefinition(
      definition(
        [
          step('a', { after: ['b'], actions: [], role: '' }),
          step('b', { after: ['a', 'nowhere'], limitDays: -3 }),
          step('a'),
        ],
        { statutoryDays: -1 },
      ),
    );
    expect(problems.map((p) => `${p.code} ${p.field}`)).toEqual([
      'process_duplicate_step steps[2].key',
      'process_no_actions steps[0].actions',
      'process_no_role steps[0].role',
      'process_unknown_after steps[1].after[1]',
      'process_bad_limit steps[1].limitDays',
      'process_bad_limit statutoryDays',
      'process_cycle steps[0].after[0]',
    ]);
  });
});
