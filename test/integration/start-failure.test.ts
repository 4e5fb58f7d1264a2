import { describe, expect, it } from 'vitest';
import { freePort, runCli } from '../helpers/processes.ts';

describe('starting without a database', () => {
  it('exits non-zero with a message that names the problem and hides the password', async () => {
    const closedPort = await freePort();
    const run = runCli(['start'], {
      DATABASE_URL: `postgres://onetrip:s3cret@127.0.0.1:${closedPort}/onetrip`,
      PORT: String(await freePort()),
    });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('Cannot reach the database');
    expect(run.output()).toContain(`127.0.0.1:${closedPort}`);
    expect(run.output()).not.toContain('s3cret');
  });
});
