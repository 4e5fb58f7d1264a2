import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { hasRole, type Actor } from '../../shared/actor.ts';
import { AppError } from '../../shared/app-error.ts';
import { orgUnitsByCode, type Role } from '../identity/index.ts';

/**
 * Who reads and reports on the plan.
 *
 * - Leaders, supervisors and admins read everything and may report on any target or project.
 * - Other staff read what their units own: a target or project whose owning unit is one they
 *   hold a role in, or lies below one (a role held on a street covers its communities). Lists
 *   show them only those rows (an empty list, not 403, when they own nothing); asking for
 *   another unit's target or project by id answers 403.
 * - Persons and enterprises (applicants) get 403 everywhere.
 */
export const OVERSEERS: Role[] = ['leader', 'supervisor', 'admin'];
/** Every staff role: the routes admit these, the service narrows to the owning units. */
export const STAFF_ROLES: Role[] = [
  'leader',
  'supervisor',
  'admin',
  'reviewer',
  'window_clerk',
  'cadre',
];

export function assertStaff(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError(401, 'unauthenticated');
  if (actor.kind !== 'staff' && actor.kind !== 'system') throw new AppError(403, 'forbidden');
}

export const seesAll = (actor: Actor) => hasRole(actor, ...OVERSEERS);

/** Each given unit code with its ancestors' codes, nearest first (codes not found map to themselves). */
export async function ancestry(
  db: Kysely<Database>,
  codes: readonly string[],
): Promise<Map<string, string[]>> {
  const parentOf = new Map<string, string | null>();
  let pending = [...new Set(codes)];
  // The org tree is district → department/street → community → grid: a few rounds at most.
  for (let round = 0; pending.length && round < 8; round++) {
    const units = await orgUnitsByCode(db, pending);
    for (const code of pending) parentOf.set(code, units.get(code)?.parentCode ?? null);
    pending = [...new Set([...parentOf.values()])].filter(
      (c): c is string => c !== null && !parentOf.has(c),
    );
  }
  const result = new Map<string, string[]>();
  for (const code of codes) {
    const chain: string[] = [];
    for (let c: string | null = code; c && !chain.includes(c); c = parentOf.get(c) ?? null)
      chain.push(c);
    result.set(code, chain);
  }
  return result;
}

/** The unit codes the actor holds a role in. */
const heldUnits = (actor: Actor) => new Set(actor.roles.map((r) => r.orgUnitCode));

/**
 * Of the given owning units, those the actor may read and report for; null means all of them
 * (an overseer).
 */
export async function ownedUnits(
  db: Kysely<Database>,
  actor: Actor,
  ownerCodes: readonly string[],
): Promise<Set<string> | null> {
  if (seesAll(actor)) return null;
  const held = heldUnits(actor);
  if (!held.size) return new Set();
  const chains = await ancestry(db, ownerCodes);
  return new Set(ownerCodes.filter((c) => chains.get(c)!.some((u) => held.has(u))));
}

/** Whether the actor may read (and report on) a row owned by `ownerUnit`. */
export async function mayActFor(
  db: Kysely<Database>,
  actor: Actor,
  ownerUnit: string,
): Promise<boolean> {
  const units = await ownedUnits(db, actor, [ownerUnit]);
  return units === null || units.has(ownerUnit);
}

export async function assertMayActFor(db: Kysely<Database>, actor: Actor, ownerUnit: string) {
  if (!(await mayActFor(db, actor, ownerUnit))) throw new AppError(403, 'forbidden');
}

/** The unit a report or a milestone record is made for: the owning unit if held, else the first held. */
export async function actingUnit(
  db: Kysely<Database>,
  actor: Actor,
  ownerUnit: string,
): Promise<string | null> {
  const held = heldUnits(actor);
  const chain = (await ancestry(db, [ownerUnit])).get(ownerUnit)!;
  return chain.find((c) => held.has(c)) ?? actor.roles[0]?.orgUnitCode ?? null;
}
