import type { Generated } from 'kysely';

/**
 * An uploaded file (上传材料): its bytes live in the row, so a file commits, backs up and
 * replicates with the case that cites it, on PGlite and on a server alike (docs/files.md).
 */
export interface FileTable {
  id: Generated<string>;
  /** The account that uploaded it: the applicant, or the window clerk serving them. */
  owner_account_id: string;
  /** As the browser gave it, without any folder part; shown to people, never trusted. */
  original_name: string;
  /** Detected from the bytes, never taken from the browser or the name. */
  mime_type: string;
  size: number;
  /** Hex digest of the bytes: a retried upload finds its first copy by it. */
  sha256: string;
  content: Buffer;
  created_at: Generated<Date>;
}

export interface FilesTables {
  file: FileTable;
}
