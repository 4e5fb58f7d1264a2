// The certificates module's whole public surface: e-certificates (电子证照), the holder's wallet,
// verification, and zero-material applications (零材料).
export type { CertificatesTables } from './certificates.table.ts';
export { certificateRoutes } from './routes.ts';
export {
  SigningKeys,
  MasterKeyError,
  MASTER_KEY_ENV,
  MASTER_KEY_FILE,
  resolveMasterKey,
  publicKeySet,
  type PublicJwk,
} from './keys.service.ts';
export { certificateIssuer, issueCertificate, type IssueInput } from './issue.service.ts';
export { verifyCertificate, checkSignature, type Verification } from './verify.service.ts';
export {
  catalogueZeroMaterial,
  zeroMaterialSources,
  zeroMaterialFacts,
  queryDataSource,
} from './datasets.service.ts';
export { seedDataSources, seedDemoCertificates } from './seed.ts';
export { findCompact, decodeCompact, type CertificatePayload } from './rules/compact.ts';
export type { VerifyOutcome } from './rules/outcome.ts';
export { CERTIFICATE_TYPES, certificateType } from './types.ts';
export { verifyCommand } from './cli.ts';
