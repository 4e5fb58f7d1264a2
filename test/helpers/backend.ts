/** Which database the suite runs on this time; scripts/test.js runs it once per backend. */
export const BACKEND: 'pglite' | 'postgres' =
  process.env.TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';

export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      'TEST_BACKEND=postgres needs TEST_DATABASE_URL (a role that may CREATE DATABASE)',
    );
  return url;
}

export function urlFor(database: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Drops a database whatever still holds it. WITH (FORCE) may not terminate an autovacuum worker
 * (it has no role the suite's may signal) and fails while one is in the database; it leaves
 * within moments, so the drop is tried again.
 */
export async function dropDatabase(
  admin: { query(text: string): Promise<unknown> },
  name: string,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`drop database if exists ${name} with (force)`);
      return;
    } catch (err) {
      if (attempt >= 10) throw err;
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}
