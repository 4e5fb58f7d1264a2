/**
 * Face verification (刷脸): a provider compares a live capture with the photo on file for a
 * resident ID (in Zhejiang, usually the province's identity platform). A deployment plugs its
 * provider in here; this codebase ships none, so the built-in answer is "not available".
 */
export interface FaceVerificationRequest {
  /** The kiosk that captured the face. */
  deviceId: string;
  residentId: string;
  /** The capture, as the provider expects it (often a base64 JPEG); never stored. */
  image: string;
}

export type FaceVerificationResult =
  | { status: 'matched'; score: number }
  | { status: 'not_matched'; score: number }
  | { status: 'unavailable' };

export interface FaceVerifier {
  readonly name: string;
  verify(request: FaceVerificationRequest): Promise<FaceVerificationResult>;
}

/** The default: there is no face verification in this deployment. */
export const notAvailable: FaceVerifier = {
  name: 'none',
  async verify() {
    return { status: 'unavailable' };
  },
};
