// The catalogue module's public surface.
export type { CatalogueTables } from './catalogue.table.ts';
export * from './model.ts';
export { itemCatalogue, getItem, getBundle, getCompiledBundle } from './service.ts';
export { catalogueRoutes } from './routes.ts';
export { seedCatalogue } from './seed/seed.ts';
