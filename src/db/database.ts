import type { AuditTables } from '../modules/audit/audit-entry.table.ts';
import type { CasesTables } from '../modules/cases/cases.table.ts';
import type { CaseRollupTables } from '../modules/cases/rollups.table.ts';
import type { CatalogueTables } from '../modules/catalogue/catalogue.table.ts';
import type { CertificatesTables } from '../modules/certificates/certificates.table.ts';
import type { CalendarTables } from '../modules/calendar/calendar.table.ts';
import type { FilesTables } from '../modules/files/files.table.ts';
import type { IdentityTables } from '../modules/identity/tables/index.ts';
import type { KioskTables } from '../modules/kiosk/kiosk.table.ts';
import type { PlanTables } from '../modules/plan/plan.table.ts';
import type { IdempotencyTables } from '../server/idempotency/idempotency.table.ts';

/** Every table of every module, as Kysely sees them. Only a module's own code queries its tables. */
export interface Database
  extends
    AuditTables,
    IdentityTables,
    CalendarTables,
    CatalogueTables,
    IdempotencyTables,
    CasesTables,
    CaseRollupTables,
    CertificatesTables,
    PlanTables,
    KioskTables,
    FilesTables {}
