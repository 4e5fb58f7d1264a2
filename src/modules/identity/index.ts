// The identity module's whole public surface: other modules import from here only.
export type { IdentityTables } from './tables/index.ts';
export { ROLES, type Role, type AccountKind } from './tables/account.table.ts';
export { ORG_UNIT_KINDS, type OrgUnitKind } from './tables/org-unit.table.ts';
export {
  login,
  logout,
  resolveSession,
  purgeExpiredSessions,
  startKioskSession,
  type KioskSessionInput,
  type SessionInfo,
} from './auth.service.ts';
export {
  me,
  listOrgUnits,
  getOrgUnitRef,
  orgUnitAncestry,
  createPerson,
  getPerson,
  listPersons,
  createEnterprise,
  listEnterprises,
  validateResidentId,
  validateUscc,
  type OrgUnitRef,
  departmentDirectory,
  orgUnitsByCode,
  unitDirectory,
  UNIT_DIRECTORY_TTL_MS,
  accountNames,
  applicantFacts,
  applicantOnFile,
  type ApplicantOnFile,
  findPersonByResidentId,
  partyIdentity,
  cardHolder,
  type CardHolder,
  setPreferences,
  type UnitByCode,
  streetDirectory,
  type DepartmentRef,
} from './service.ts';
export {
  checkResidentId,
  residentIdCheckCharacter,
  type ResidentIdProblem,
} from './rules/resident-id.ts';
export { checkUscc, usccCheckCharacter } from './rules/uscc.ts';
export { hashPassword } from './passwords.ts';
export { identityRoutes } from './routes.ts';
export {
  seedIdentity,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_PERSONS,
  DEMO_ENTERPRISES,
} from './seed/seed.ts';
