import type {
  AccountTable,
  LoginAttemptTable,
  RoleGrantTable,
  SessionTable,
} from './account.table.ts';
import type { OrgUnitTable } from './org-unit.table.ts';
import type { EnterpriseTable, PersonTable } from './party.table.ts';

export interface IdentityTables {
  org_unit: OrgUnitTable;
  person: PersonTable;
  enterprise: EnterpriseTable;
  account: AccountTable;
  role_grant: RoleGrantTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
}
