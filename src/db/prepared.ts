import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import pg from 'pg';

/** The prepared `begin` each connection parses once and then sends with its first statement. */
const BEGIN = 'onetrip_begin';

type Result = pg.QueryResult;
const done = (command: string): Result =>
  ({ command, rowCount: null, rows: [], fields: [], oid: 0 }) as Result;

/**
 * A statement sent in the same flight as the `begin` before it: Bind and Execute of the
 * prepared `begin`, then the statement's own messages and one Sync, so a transaction's start
 * costs no round trip of its own. The server answers both before its one ReadyForQuery; the
 * first CommandComplete is the `begin`'s and is not the statement's result.
 */
// pg's typings declare a Query's protocol handlers as properties, not methods to override.
const QueryBase = pg.Query as unknown as new (
  config: pg.QueryConfig,
  callback: (err: Error | undefined, res: Result) => void,
) => object;
const base = pg.Query.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;

/** What `submit` uses of pg's internal Connection. */
interface Wire {
  stream: { cork?(): void; uncork?(): void };
  bind(config: { statement: string }): void;
  execute(config: object): void;
}

class AfterBegin extends QueryBase {
  #begun = false;

  constructor(
    config: pg.QueryConfig,
    callback: (err: Error | undefined, res: Result) => void,
    private readonly onBeginFailed: () => void,
  ) {
    super(config, callback);
  }

  submit(connection: Wire): unknown {
    connection.stream.cork?.();
    try {
      connection.bind({ statement: BEGIN });
      connection.execute({});
      return base.submit!.call(this, connection);
    } finally {
      connection.stream.uncork?.();
    }
  }

  handleCommandComplete(msg: unknown, connection: unknown): unknown {
    if (!this.#begun) {
      this.#begun = true;
      return undefined;
    }
    return base.handleCommandComplete!.call(this, msg, connection);
  }

  // An error before the begin's CommandComplete is the begin's: the server skipped the statement.
  handleError(err: unknown, connection: unknown): unknown {
    if (!this.#begun) this.onBeginFailed();
    return base.handleError!.call(this, err, connection);
  }
}

/**
 * A pool whose clients send every parameterised statement as a named prepared statement, so
 * that PostgreSQL parses and plans each distinct text once per connection instead of on every
 * call. The engine sends the same few dozen texts over and over; Kysely has no statement cache
 * of its own. The name is a hash of the text, so a name always means one text. After `limit`
 * distinct texts (per process) further new ones are sent unnamed, which bounds the memory each
 * server connection spends on them. Turn it off (`ONETRIP_DB_PREPARE=off`) behind a pooler in
 * transaction mode that does not track prepared statements.
 *
 * A transaction's `begin` waits for its first statement and travels with it (`AfterBegin`): an
 * engine transition is begin, lock, write, commit, and the begin was a round trip of its own,
 * about a fifth of an application's. A transaction that sends nothing sends no begin either.
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
  // Connections whose server has `onetrip_begin` prepared; a replaced connection is a new client.
  const beginReady = new WeakSet<pg.PoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let pendingBegin = false;
      // Set when a pipelined begin failed: the transaction never started, so nothing of it may
      // run (it would commit statement by statement) and the connection is not trusted again.
      let failedBegin: Error | null = null;
      const beginFailed = () => {
        failedBegin = new Error('the transaction did not start: its begin failed');
        beginReady.delete(client);
      };
      const send = (text: string, values?: unknown[]): Promise<Result> => {
        const name = values?.length ? nameOf(text) : undefined;
        if (pendingBegin) {
          pendingBegin = false;
          if (name && beginReady.has(client)) {
            return new Promise<Result>((resolve, reject) => {
              const q = new AfterBegin(
                { name, text, values },
                (err, res) => (err ? reject(err) : resolve(res)),
                beginFailed,
              );
              void client.query(q as unknown as pg.Submittable);
            });
          }
          // Queued ahead of the statement, so it goes first whatever else is sent meanwhile; the
          // statement fails with it if the connection does.
          void client.query({ name: BEGIN, text: 'begin' }).then(
            () => beginReady.add(client),
            () => {},
          );
        }
        return name ? client.query({ name, text, values }) : client.query(text, values);
      };
      const query = ((text: string, values?: unknown[]) => {
        if (failedBegin) {
          const err = failedBegin;
          if (text === 'rollback') return Promise.resolve(done('ROLLBACK'));
          return Promise.reject(err);
        }
        // Cursors (streamed queries) are objects: they go through as they are, after any begin.
        if (typeof text !== 'string') {
          if (pendingBegin) {
            pendingBegin = false;
            void client.query('begin').catch(() => {});
          }
          return client.query(text);
        }
        if (text === 'begin' && !values?.length) {
          pendingBegin = true;
          return Promise.resolve(done('BEGIN'));
        }
        if (pendingBegin && (text === 'commit' || text === 'rollback')) {
          pendingBegin = false;
          return Promise.resolve(done(text.toUpperCase()));
        }
        return send(text, values);
      }) as unknown as PostgresPoolClient['query'];
      return {
        query,
        // Kysely asks for a connection to be destroyed when its rollback failed.
        release: (destroy?: boolean) => {
          pendingBegin = false;
          client.release(destroy || failedBegin !== null);
        },
      };
    },
    end: () => pool.end(),
  };
}
