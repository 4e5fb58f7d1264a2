import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface Started {
  child: ChildProcess;
  /** Each output line with the ms since spawn it arrived at. */
  lines: { ms: number; line: string }[];
  t0: number;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Spawns a process we own; stop() ends it by its pid (SIGTERM, then SIGKILL after 10 s). */
export function startProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv): Started {
  const t0 = performance.now();
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Started['lines'] = [];
  const collect = (buf: Buffer) => {
    const ms = performance.now() - t0;
    for (const line of buf.toString('utf8').split('\n')) if (line.trim()) lines.push({ ms, line });
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    child,
    lines,
    t0,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers 200; seconds since `t0`, or throws after `timeoutMs`. */
export async function waitFor200(
  url: string,
  started: Started,
  timeoutMs: number,
  everyMs = 50,
): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (started.child.exitCode !== null)
      throw new Error(
        `process exited (${started.child.exitCode}) before ${url} answered:\n` +
          started.lines.map((l) => l.line).join('\n'),
      );
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return (performance.now() - started.t0) / 1000;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

export function envWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const n of names) delete env[n];
  return env;
}
