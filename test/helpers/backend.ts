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
