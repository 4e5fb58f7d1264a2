// The plan module's public surface: the goal tree, targets and their progress, projects.
export type { PlanTables } from './plan.table.ts';
export * from './model.ts';
export { getPlan, listTargets, getTarget, reportProgress } from './targets.service.ts';
export { listProjects, getProject, recordMilestone } from './projects.service.ts';
export { exportTargets, importTargets, exportProjects } from './excel.ts';
export { rollUp, flattenRolledUp, type RollUpNode, type RolledUp } from './rules/roll-up.ts';
export { targetProgress, type TargetProgress } from './rules/target-progress.ts';
export { checkMilestone, projectStatus, type MilestoneCheck } from './rules/milestones.ts';
export { planRoutes } from './routes.ts';
export { seedPlan } from './seed/seed.ts';
