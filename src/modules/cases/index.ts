// The case engine's public surface.
export type { CasesTables, Case, Task, ChannelName } from './cases.table.ts';
export * from './model.ts';
export { caseRoutes } from './routes.ts';
export { sweepSla, processOutbox, MAX_OUTBOX_ATTEMPTS, type Notifier } from './engine/sweep.ts';
export type { EngineDeps } from './engine/context.ts';
export { SYSTEM_CLOCK, type Clock } from './clock.ts';
export { startCaseScheduler, logOnlyNotifier } from './scheduler.ts';
export { seedCases } from './seed/seed.ts';
export {
  applicationFacts,
  attachedMaterialCounts,
  type ApplicationFacts,
  type MaterialSources,
  type OutboxEvent,
  type OutboxHandler,
} from './engine/hooks.ts';
export {
  serviceKpis,
  ratesOf,
  KPI_MAX_DAYS,
  foldRollup,
  type KpiQuery,
  type ServiceKpis,
  type Counts,
  type Rates,
} from './kpis.ts';
