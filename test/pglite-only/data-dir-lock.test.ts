import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, runCli, waitForHealthy, type CliRun } from '../helpers/processes.ts';

// A first start builds the web app and seeds the demo data (the cases go on in the background
// after /healthz answers): on a busy 2-core machine that can take a minute and more.
const FIRST_START_MS = 180_000;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onetrip-lock-'));
let first: CliRun | undefined;
afterAll(() => {
  first?.child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded data folder', () => {
  it(
    'is opened by one process only; a second one exits with a clear message and changes nothing',
    async () => {
      const port = await freePort();
      first = runCli(['start'], { ONETRIP_DATA_DIR: dataDir, PORT: String(port) });
      await waitForHealthy(port, FIRST_START_MS);
      const files = () => fs.readdirSync(path.join(dataDir, 'pglite')).sort();
      const before = files();

      const second = runCli(['start'], {
        ONETRIP_DATA_DIR: dataDir,
        PORT: String(await freePort()),
      });
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain('is already in use by process');
      expect(files()).toEqual(before);

      // The first server is still serving, and signs in from the data it seeded.
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'OneTrip@2026' }),
      });
      expect(login.status).toBe(200);

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(fs.existsSync(path.join(dataDir, 'onetrip.lock'))).toBe(false);
    },
    2 * FIRST_START_MS,
  );

  it(
    'is taken over after a crash, and keeps its data',
    async () => {
      const port = await freePort();
      const crashed = runCli(['start'], { ONETRIP_DATA_DIR: dataDir, PORT: String(port) });
      await waitForHealthy(port, FIRST_START_MS);
      crashed.child.kill('SIGKILL');
      await crashed.exited;
      expect(fs.existsSync(path.join(dataDir, 'onetrip.lock'))).toBe(true);

      first = runCli(['start'], { ONETRIP_DATA_DIR: dataDir, PORT: String(port) });
      await waitForHealthy(port, FIRST_START_MS);
      // No second seed: the demo data is there once.
      const units = (await (
        await fetch(`http://127.0.0.1:${port}/api/v1/org-units?kind=district`)
      ).json()) as { total: number };
      expect(units.total).toBe(1);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
    },
    2 * FIRST_START_MS,
  );
});
