import type { EngineDeps } from './engine/context.ts';
import { processOutbox, sweepSla, type Notifier } from './engine/sweep.ts';
import { foldRollup } from './kpis.ts';

export interface SchedulerOptions {
  /** How often to look, in ms. Deadlines are days; a minute is plenty. */
  intervalMs: number;
  log: (message: string, error?: unknown) => void;
}

/** The notifier a deployment gets until an SMS or e-mail provider is configured: a log line. */
export function logOnlyNotifier(log: (message: string) => void): Notifier {
  return {
    async send(channel, to, text) {
      log(`${channel} not sent (no provider configured in this deployment) to ${to}: ${text}`);
    },
  };
}

/**
 * Runs the SLA sweep and the outbox in the background. Every server process may run one: the
 * work is claimed row by row with SKIP LOCKED, so two processes never do the same thing twice.
 * A tick that is still running when the next is due is skipped, not stacked.
 */
export function startCaseScheduler(
  deps: EngineDeps,
  notifier: Notifier,
  options: SchedulerOptions,
): { tick(): Promise<void>; stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () =>
    (running ??= (async () => {
      try {
        const swept = await sweepSla(deps);
        if (swept.tasks || swept.cases) {
          options.log(
            `sla: ${swept.tasks} steps and ${swept.cases} cases changed light, ${swept.warnings} warnings`,
          );
        }
        const onError = (
          handler: string,
          event: { id: number; topic: string },
          err: unknown,
          lastAttempt: boolean,
        ) =>
          options.log(
            lastAttempt
              ? `outbox: ${handler} failed on event ${event.id} (${event.topic}) for the last time; it stays unprocessed in the outbox until an operator looks at it`
              : `outbox: ${handler} failed on event ${event.id} (${event.topic}); retrying on the next tick`,
            err,
          );
        while ((await processOutbox(deps, notifier, 200, onError)) > 0);
        await foldRollup(deps.db);
      } catch (error) {
        options.log('scheduler tick failed; retrying on the next one', error);
      } finally {
        running = null;
      }
    })());
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  void tick();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
