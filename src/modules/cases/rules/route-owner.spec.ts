import { describe, expect, it } from 'vitest';

import type { OwnerRule } from '../model.ts';
import { step } from './definition-fixture.ts';
import { routeOwner, type RoutingContext } from './route-owner.ts';

const departments: Record<string, string> = {
  'business-licence': 'dept:market-regulation',
  'fire-safety': 'dept:fire-rescue',
};

const full: RoutingContext = {
  itemDepartment: (item) => departments[item],
  applicantStreet: '330106013',
  intakeUnit: 'point:xihu-centre',
  targetDepartment: 'dept:public-security',
  requesterDepartment: 'dept:civil-affairs',
  responsibleDepartment: 'dept:housing',
};

const owned = (owner: OwnerRule, item?: string) =>
  step('s', { owner, ...(item === undefined ? {} : { item }) });

describe('routeOwner', () => {
  it('gives a fixed unit as it is', () => {
    expect(routeOwner(owned({ kind: 'fixed', orgUnit: 'dept:tax' }), {})).toEqual({
      ok: true,
      orgUnit: 'dept:tax',
    });
  });

  it('puts a one-window step in the shared pool, whatever is known', () => {
    expect(routeOwner(owned({ kind: 'any_window' }), {})).toEqual({ ok: true, orgUnit: null });
    expect(routeOwner(owned({ kind: 'any_window' }), full)).toEqual({ ok: true, orgUnit: null });
  });

  it('sends a review to the department owning the step’s item', () => {
    expect(routeOwner(owned({ kind: 'item_department' }, 'fire-safety'), full)).toEqual({
      ok: true,
      orgUnit: 'dept:fire-rescue',
    });
  });

  it('fails, saying why, when the item or its department is unknown', () => {
    expect(routeOwner(owned({ kind: 'item_department' }), full)).toEqual({
      ok: false,
      reason: 'step s names no catalogue item',
    });
    expect(routeOwner(owned({ kind: 'item_department' }, 'ghost'), full)).toEqual({
      ok: false,
      reason: 'the item ghost has no department',
    });
    expect(routeOwner(owned({ kind: 'item_department' }, 'fire-safety'), {})).toEqual({
      ok: false,
      reason: 'the item fire-safety has no department',
    });
  });

  it('routes by the applicant’s street, whose code is its unit', () => {
    expect(routeOwner(owned({ kind: 'applicant_street' }), full)).toEqual({
      ok: true,
      orgUnit: '330106013',
    });
    expect(routeOwner(owned({ kind: 'applicant_street' }), {})).toEqual({
      ok: false,
      reason: 'the applicant has no street on record',
    });
    expect(routeOwner(owned({ kind: 'applicant_street' }), { applicantStreet: '330106' })).toEqual({
      ok: false,
      reason: 'the street code 330106 is not 9 digits',
    });
  });

  it.each([
    ['intake_point', 'point:xihu-centre', 'no window has accepted the case'],
    ['target_department', 'dept:public-security', 'the request names no target department'],
    ['requester_department', 'dept:civil-affairs', 'the request names no requesting department'],
    ['responsible_department', 'dept:housing', 'no department is responsible for the case'],
  ] as const)('routes %s from the context, or says it is missing', (kind, unit, reason) => {
    expect(routeOwner(owned({ kind }), full)).toEqual({ ok: true, orgUnit: unit });
    expect(routeOwner(owned({ kind }), {})).toEqual({ ok: false, reason });
  });

  it('fails on an owner rule it does not know', () => {
    const strange = owned({ kind: 'by_lottery' } as unknown as OwnerRule);
    expect(routeOwner(strange, full)).toEqual({
      ok: false,
      reason: 'unknown owner rule "by_lottery"',
    });
  });
});
