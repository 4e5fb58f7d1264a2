import { createHash } from 'node:crypto';
import { sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';

/** The prepared `begin` each connection parses once and then sends with its first statement. */
const BEGIN = 'onetrip_begin';
/** The prepared `commit`, parsed by a connection's first plain commit. */
const COMMIT = 'onetrip_commit';

type Result = pg.QueryResult;
const done = (command: string): Result =>
  ({ command, rowCount: null, rows: [], fields: [], oid: 0 }) as Result;

/**
 * What a statement's text ends with when the transaction commits with it: the engine's record,
 * the last write of a transition. On a preparing pool the commit then travels in the same flight
 * (`Pipelined`) and Kysely's own `commit` afterwards is answered here; with preparation turned
 * off it is a comment, and the commit goes as before.
 */
const COMMIT_MARK = '/* then commit */';
export const thenCommit = sql.raw(COMMIT_MARK);

/**
 * A statement sent in the same flight as the `begin` before it, the `commit` after it, or both:
 * Bind and Execute of the prepared `begin`, the statement's own messages, Bind and Execute of the
 * prepared `commit`, then one Sync. The server answers all of them before its one ReadyForQuery;
 * the begin's and the commit's CommandComplete are not the statement's result. If the statement
 * fails, the server skips the commit (it skips everything up to the Sync) and the transaction is
 * left for Kysely's rollback; if the commit fails, the statement's promise rejects with its error.
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
  sync(): void;
}

/** What `release` uses of pg's internal Connection: its record of the names the server knows. */
interface Parsed {
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
}

/**
 * The parameters as pg would send them (strings, Buffers, nulls), or the error pg would raise.
 * Encoded here, before anything is sent: when pg itself fails to encode one, it has already
 * sent the statement's Parse (if the text was new to the connection), then closes the named
 * statement on the server while still counting it parsed, so that text would fail on that
 * connection from then on. pg maps the encoded values again, which leaves them as they are.
 */
// pg exports its encoder as `utils.prepareValue` (its typings do not declare it) and looks it
// up on every call, since it may be replaced: so does this.
const pgUtils = (pg as unknown as { utils: { prepareValue(v: unknown): unknown } }).utils;
const encode = (values: readonly unknown[]): unknown[] =>
  values.map((v) => pgUtils.prepareValue(v));

interface Around {
  begin: boolean;
  commit: boolean;
  onBeginFailed: () => void;
}

class Pipelined extends QueryBase {
  #completes = 0;
  /** The statement's own CommandComplete has come: a later error is the commit's (or pg's). */
  statementDone = false;
  /** The commit's CommandComplete has come: the writes are kept whatever is reported after. */
  commitDone = false;

  constructor(
    config: pg.QueryConfig,
    callback: (err: Error | undefined, res: Result) => void,
    private readonly around: Around,
  ) {
    super(config, callback);
  }

  submit(connection: Wire): unknown {
    connection.stream.cork?.();
    try {
      if (this.around.begin) {
        connection.bind({ statement: BEGIN });
        connection.execute({});
      }
      return base.submit!.call(this, connection);
    } finally {
      connection.stream.uncork?.();
    }
  }

  // pg sends a statement's Execute and then its Sync from here: the commit goes between them.
  _getRows(connection: Wire, rows: unknown): unknown {
    if (!this.around.commit || rows) return base._getRows!.call(this, connection, rows);
    connection.execute({ portal: (this as { portal?: string }).portal, rows });
    connection.bind({ statement: COMMIT });
    connection.execute({});
    connection.sync();
    return undefined;
  }

  handleCommandComplete(msg: unknown, connection: unknown): unknown {
    const n = this.#completes++ - (this.around.begin ? 1 : 0);
    if (n < 0) return undefined;
    if (n === 1 && this.around.commit) {
      this.commitDone = true;
      return undefined;
    }
    this.statementDone = true;
    return base.handleCommandComplete!.call(this, msg, connection);
  }

  // An error before the begin's CommandComplete is the begin's: the server skipped the statement.
  handleError(err: unknown, connection: unknown): unknown {
    if (this.around.begin && this.#completes === 0) this.around.onBeginFailed();
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
 * A transaction's `begin` waits for its first statement and travels with it, and a statement
 * marked `thenCommit` takes the `commit` with it (`Pipelined`): an engine transition was begin,
 * lock, write, commit, four round trips, and is two. A transaction that sends nothing sends no
 * begin either.
 *
 * `oneSession` is PGlite: its node-postgres adapter gives every client the same connection, so
 * a client destroyed to replace a doubtful connection ends the only one there is. There the
 * session is put right instead: any transaction rolled back, every prepared statement dropped
 * and pg's record of them cleared, so both sides start again from nothing.
 */
export function preparingPool(
  pool: pg.Pool,
  opts: { limit?: number; oneSession?: boolean } = {},
): PostgresPool {
  const limit = opts.limit ?? 500;
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    const known = names.get(text);
    if (known || names.size >= limit) return known;
    const name = `k${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    names.set(text, name);
    return name;
  };
  // Connections whose server has `onetrip_begin` / `onetrip_commit` prepared; a replaced
  // connection is a new client.
  const beginReady = new WeakSet<pg.PoolClient>();
  const commitReady = new WeakSet<pg.PoolClient>();
  // The session goes back to the pool only once put right, so nothing of the next user's waits
  // behind it. pg's record is cleared only if the statements are gone, so that pg and the
  // session keep agreeing either way.
  const putRight = (client: pg.PoolClient) => {
    beginReady.delete(client);
    commitReady.delete(client);
    client.query('rollback; deallocate all', (err: Error | undefined) => {
      if (!err) {
        const parsed = (client as unknown as { connection: Parsed }).connection;
        parsed.parsedStatements = {};
        parsed.submittedNamedStatements = {};
      }
      client.release();
    });
  };
  return {
    async connect() {
      const client = await pool.connect();
      let pendingBegin = false;
      let inTransaction = false;
      // Set once a statement that commits has been sent: nothing more of the transaction may
      // run, since it would run after the commit, on its own. `committed` once it has.
      let sealed = false;
      let committed = false;
      // Set when a pipelined begin failed: the transaction never started, so nothing of it may
      // run (it would commit statement by statement) and the connection is not trusted again.
      let failedBegin: Error | null = null;
      // Set when the server no longer knows the prepared commit: replace the connection.
      let broken = false;
      const commitLost = (err: unknown) => {
        if ((err as { code?: string }).code !== '26000') return;
        broken = true;
        commitReady.delete(client);
      };
      const beginFailed = () => {
        failedBegin = new Error('the transaction did not start: its begin failed');
        beginReady.delete(client);
      };
      const reset = () => {
        pendingBegin = inTransaction = sealed = committed = false;
      };
      const send = (text: string, raw?: unknown[]): Promise<Result> => {
        let values: unknown[] | undefined;
        try {
          values = raw && encode(raw);
        } catch (err) {
          return Promise.reject(err as Error);
        }
        const name = values?.length ? nameOf(text) : undefined;
        const commit =
          name !== undefined &&
          inTransaction &&
          commitReady.has(client) &&
          text.endsWith(COMMIT_MARK);
        const begin = pendingBegin;
        pendingBegin = false;
        if (name && (begin ? beginReady.has(client) : commit)) {
          // A commit rides only with a begin the server has prepared, or with none to send.
          const around = { begin, commit: commit && (!begin || beginReady.has(client)) };
          sealed = around.commit;
          return new Promise<Result>((resolve, reject) => {
            // pg may call back twice when it fails to build the statement's Bind.
            let settled = false;
            const q: Pipelined = new Pipelined(
              { name, text, values },
              (err, res) => {
                if (settled) return;
                settled = true;
                if (!err) {
                  committed = around.commit;
                  return resolve(res);
                }
                // A failure of the statement itself skipped the commit: the transaction is
                // open (and failed), for a rollback or a rollback to a savepoint. A failure
                // reported after the commit ran (a row pg could not read) keeps the writes.
                if (!q.statementDone) sealed = false;
                else if (q.commitDone) committed = true;
                else commitLost(err);
                reject(err);
              },
              { ...around, onBeginFailed: beginFailed },
            );
            void client.query(q as unknown as pg.Submittable);
          });
        }
        const run = () =>
          name ? client.query({ name, text, values }) : client.query(text, values);
        if (!begin) return run();
        // pg sends a query only once the one before it has been answered, so waiting for the
        // begin costs no round trip; and a statement never runs outside the transaction its
        // begin failed to start.
        return client.query({ name: BEGIN, text: 'begin' }).then(
          () => {
            beginReady.add(client);
            return run();
          },
          (err: unknown) => {
            beginFailed();
            throw err;
          },
        );
      };
      const end = (text: 'commit' | 'rollback'): Promise<Result> => {
        const wasPending = pendingBegin;
        const wasCommitted = committed;
        const wasSealed = sealed;
        reset();
        if (wasPending) return Promise.resolve(done(text.toUpperCase()));
        if (wasCommitted && text === 'commit') return Promise.resolve(done('COMMIT'));
        if (wasCommitted)
          // Something after the last statement failed, but the writes are kept: say so loudly.
          return Promise.reject(
            new Error('the transaction committed with its last statement and cannot roll back'),
          );
        // A failed last statement left the transaction open (the commit was skipped).
        if (wasSealed || text === 'rollback') return client.query(text);
        return client.query({ name: COMMIT, text: 'commit' }).then(
          (r) => {
            commitReady.add(client);
            return r;
          },
          (err: unknown) => {
            commitLost(err);
            throw err;
          },
        );
      };
      const query = ((text: string, values?: unknown[]) => {
        if (failedBegin) {
          const err = failedBegin;
          if (text === 'rollback') return Promise.resolve(done('ROLLBACK'));
          return Promise.reject(err);
        }
        if (text === 'commit' || text === 'rollback') return end(text);
        if (sealed)
          return Promise.reject(
            new Error('the transaction commits with its last statement: nothing may follow it'),
          );
        // Cursors (streamed queries) are objects: they go through as they are, after any begin.
        if (typeof text !== 'string') {
          if (pendingBegin) {
            pendingBegin = false;
            void client.query('begin').catch(() => {});
          }
          return client.query(text);
        }
        if (text === 'begin' && !values?.length) {
          pendingBegin = inTransaction = true;
          return Promise.resolve(done('BEGIN'));
        }
        return send(text, values);
      }) as unknown as PostgresPoolClient['query'];
      return {
        query,
        // Kysely asks for a connection to be destroyed when its rollback failed.
        release: (destroy?: boolean) => {
          reset();
          const doubtful = destroy || failedBegin !== null || broken;
          if (doubtful && opts.oneSession) putRight(client);
          else client.release(doubtful);
        },
      };
    },
    end: () => pool.end(),
  };
}
