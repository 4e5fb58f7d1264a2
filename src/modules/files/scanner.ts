/**
 * A virus scanner (e.g. ClamAV's clamd, or the province's security gateway) plugs in here. It
 * sees every upload before anything is stored; a refusal stores nothing.
 */
export interface FileMeta {
  /** The uploader's name for it, cleaned. */
  name: string;
  /** Detected from the bytes. */
  mimeType: string;
  size: number;
  sha256: string;
  ownerAccountId: string;
}

export type ScanVerdict = { clean: true } | { clean: false; reason: string };

export interface FileScanner {
  scan(bytes: Uint8Array, meta: FileMeta): Promise<ScanVerdict>;
}

/** The default: no scanner is configured, so every file passes (the server says so at start). */
export const noScanner: FileScanner = {
  async scan() {
    return { clean: true };
  },
};
