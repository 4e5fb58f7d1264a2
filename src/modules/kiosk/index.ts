// The kiosk module's public surface: self-service kiosks (自助终端), ID-card sign-in, face.
export type { KioskTables } from './kiosk.table.ts';
export { kioskRoutes, type KioskRouteOptions } from './routes.ts';
export { seedKiosks, demoKioskKey, registerDevice, listDevices } from './service.ts';
export { checkCard, cardDate, type CardRead, type CardCheck } from './rules/card.ts';
export {
  notAvailable,
  type FaceVerifier,
  type FaceVerificationRequest,
  type FaceVerificationResult,
} from './face.ts';
