import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type { Actor, Channel } from '../../../shared/actor.ts';
import type { Role } from '../../identity/index.ts';

/**
 * The demo accounts as actors, the way the auth plugin's resolveSession builds them (account,
 * role grants and the codes of their units), without a session: the identity module exports no
 * function that turns an account into an actor, and signing in would leave sessions, sign-in
 * attempts and a password hash check per account behind. Reads only.
 */
export class DemoActors {
  private constructor(private readonly byUsername: Map<string, Omit<Actor, 'channel'>>) {}

  static async load(db: Kysely<Database>): Promise<DemoActors> {
    const rows = await db
      .selectFrom('account as a')
      .select([
        'a.id',
        'a.username',
        'a.kind',
        'a.org_unit_id',
        'a.person_id',
        'a.enterprise_id',
        'a.disabled_at',
      ])
      .select((eb) =>
        eb
          .selectFrom('role_grant as g')
          .innerJoin('org_unit as u', 'u.id', 'g.org_unit_id')
          .whereRef('g.account_id', '=', 'a.id')
          .select(
            sql<
              { role: Role; orgUnitId: string; orgUnitCode: string }[]
            >`coalesce(json_agg(json_build_object('role', g.role, 'orgUnitId', g.org_unit_id, 'orgUnitCode', u.code)), '[]')`.as(
              'roles',
            ),
          )
          .as('roles'),
      )
      .where('a.disabled_at', 'is', null)
      .execute();
    return new DemoActors(
      new Map(
        rows.map((r) => [
          r.username,
          {
            accountId: r.id,
            username: r.username,
            kind: r.kind,
            orgUnitId: r.org_unit_id,
            personId: r.person_id,
            enterpriseId: r.enterprise_id,
            roles: r.roles ?? [],
            requestId: null,
          },
        ]),
      ),
    );
  }

  has(username: string): boolean {
    return this.byUsername.has(username);
  }

  /** The account acting through one of the four channels. */
  as(username: string, channel: Channel): Actor {
    const base = this.byUsername.get(username);
    if (!base) throw new Error(`demo cases: the demo account ${username} is missing`);
    return { ...base, channel };
  }

  /**
   * The reviewer of each department, by unit code: `reviewer-<key>`, or the named one
   * (reviewer-market, reviewer-health, reviewer-fire) where the department has one.
   */
  reviewers(): Map<string, string> {
    const out = new Map<string, string>();
    const names = [...this.byUsername.keys()].sort();
    for (const name of names) {
      const a = this.byUsername.get(name)!;
      if (a.kind !== 'staff' || !name.startsWith('reviewer')) continue;
      for (const r of a.roles) {
        if (r.role === 'reviewer' && r.orgUnitCode.startsWith('dept:') && !out.has(r.orgUnitCode))
          out.set(r.orgUnitCode, name);
      }
    }
    return out;
  }

  unitCodeOf(username: string, role: Role): string {
    const base = this.byUsername.get(username);
    const code = base?.roles.find((r) => r.role === role)?.orgUnitCode;
    if (!code) throw new Error(`demo cases: ${username} holds no ${role} role`);
    return code;
  }
}
