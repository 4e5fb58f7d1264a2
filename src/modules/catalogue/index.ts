// The catalogue module's public surface.
export type { CatalogueTables } from './catalogue.table.ts';
export * from './model.ts';
export {
  itemCatalogue,
  getItem,
  getBundle,
  getCompiledBundle,
  bundleDefinition,
  catalogueNames,
  catalogueWithBundle,
} from './service.ts';
export { evaluateCondition } from './rules/evaluate-condition.ts';
export { compileBundle } from './rules/compile-bundle.ts';
export { criticalPath } from './rules/critical-path.ts';
export { servicePointByKey, listServicePoints } from './service-points.service.ts';
export { catalogueRoutes } from './routes.ts';
export { seedCatalogue } from './seed/seed.ts';
