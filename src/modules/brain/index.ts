// The city brain's public surface: figures over the other modules, through their public functions.
export { brainRoutes, monthPeriod } from './routes.ts';
export {
  brainServices,
  brainPlan,
  BRAIN_ROLES,
  type BrainPlan,
  type BrainServices,
} from './service.ts';
export { SERVICE_DEFINITIONS, PLAN_DEFINITIONS, type Definition } from './definitions.ts';
export { renderMonthlyReport } from './report.ts';
