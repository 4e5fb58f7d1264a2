export type { AuditEntry, AuditTables } from './audit-entry.table.ts';
export {
  auditDigest,
  auditRow,
  listAuditEntries,
  recordAudit,
  type AuditInput,
} from './service.ts';
export { auditRoutes } from './routes.ts';
