// The files module's public surface: uploaded materials (上传材料), checked and stored.
export type { FilesTables } from './files.table.ts';
export { fileRoutes, DEFAULT_MAX_BYTES, type FileRouteOptions } from './routes.ts';
export { fileOwners, isFileId, storeFile, type FileView } from './service.ts';
export { noScanner, type FileMeta, type FileScanner, type ScanVerdict } from './scanner.ts';
