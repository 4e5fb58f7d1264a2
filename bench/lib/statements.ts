import pg from 'pg';

export interface StatementLog {
  text: string;
  rows: number;
  ms: number;
}

/**
 * Every statement the process sends through node-postgres while `fn` runs (one round trip
 * each), with its row count and time: how many round trips a transition takes, and which.
 */
export async function captureStatements<T>(
  fn: (live: readonly StatementLog[]) => Promise<T>,
): Promise<{ result: T; statements: StatementLog[] }> {
  const statements: StatementLog[] = [];
  const proto = pg.Client.prototype as unknown as {
    query: (...args: unknown[]) => unknown;
  };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    const text =
      typeof first === 'string'
        ? first
        : first && typeof first === 'object' && 'text' in first
          ? String((first as { text: unknown }).text)
          : '';
    const entry: StatementLog = { text: text.replace(/\s+/g, ' ').trim(), rows: 0, ms: 0 };
    statements.push(entry);
    const t = performance.now();
    // A submittable (the pipelined begin's query, src/db/prepared.ts) answers through its callback.
    const sub = first as { submit?: unknown; callback?: (err: unknown, res: unknown) => void };
    if (sub && typeof sub === 'object' && typeof sub.submit === 'function' && sub.callback) {
      const callback = sub.callback;
      sub.callback = (err, res) => {
        const r = res as { rowCount?: number | null; rows?: unknown[] } | undefined;
        entry.ms = performance.now() - t;
        entry.rows = r?.rows?.length ?? r?.rowCount ?? 0;
        callback(err, res);
      };
    }
    const out = original.apply(this, args);
    if (out && typeof (out as Promise<unknown>).then === 'function') {
      return (out as Promise<{ rowCount?: number | null; rows?: unknown[] }>).then((r) => {
        entry.ms = performance.now() - t;
        entry.rows = r?.rows?.length ?? r?.rowCount ?? 0;
        return r;
      });
    }
    return out;
  };
  try {
    const result = await fn(statements);
    return { result, statements };
  } finally {
    proto.query = original;
  }
}

/** A statement's shape without values, for grouping: `select … from "task" where …`. */
export function shapeOf(text: string): string {
  const t = text.toLowerCase();
  const verb = t.split(' ')[0] ?? '';
  const table = /(?:from|into|update)\s+"?([a-z_]+)"?/.exec(t)?.[1];
  const locking = /for update/.test(t) ? ' for update' : '';
  return table ? `${verb} ${table}${locking}` : t.slice(0, 40);
}
