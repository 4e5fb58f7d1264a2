import { sql, type Kysely } from 'kysely';

/**
 * Kiosk sessions end after a short idle time and always act on the kiosk channel: two optional
 * columns on `session`; password sessions leave both null and behave as before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('session')
    .addColumn('idle_seconds', 'integer', (c) => c.check(sql`idle_seconds > 0`))
    .addColumn('channel', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('session').dropColumn('channel').dropColumn('idle_seconds').execute();
}
