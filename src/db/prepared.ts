import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * A pool whose clients send every parameterised statement as a named prepared statement, so
 * that PostgreSQL parses and plans each distinct text once per connection instead of on every
 * call. The engine sends the same few dozen texts over and over; Kysely has no statement cache
 * of its own. The name is a hash of the text, so a name always means one text. After `limit`
 * distinct texts (per process) further new ones are sent unnamed, which bounds the memory each
 * server connection spends on them. Turn it off (`ONETRIP_DB_PREPARE=off`) behind a pooler in
 * transaction mode that does not track prepared statements.
 */
export function preparingPool(pool: pg.Pool, limit = 500): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    const known = names.get(text);
    if (known || names.size >= limit) return known;
    const name = `k${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    names.set(text, name);
    return name;
  };
  return {
    async connect() {
      const client = await pool.connect();
      const query = ((text: string, values?: unknown[]) => {
        // Cursors (streamed queries) are objects: they go through as they are.
        if (typeof text !== 'string') return client.query(text);
        const name = values?.length ? nameOf(text) : undefined;
        return name ? client.query({ name, text, values }) : client.query(text, values);
      }) as unknown as PostgresPoolClient['query'];
      return { query, release: () => client.release() };
    },
    end: () => pool.end(),
  };
}
