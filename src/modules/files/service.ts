import { createHash } from 'node:crypto';
import { FileTypeParser } from 'file-type';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { assertRole, hasRole, type Actor } from '../../shared/actor.ts';
import { AppError, badRequest, notFound } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/index.ts';
import {
  ALLOWED_LABEL,
  allowedKind,
  cleanFileName,
  isOfdContainer,
  type FileKind,
} from './rules/file-kind.ts';
import type { FileScanner } from './scanner.ts';

/** Who may upload: applicants for themselves, window clerks for the applicant before them. */
export const UPLOADERS = ['applicant', 'window_clerk'] as const;
/**
 * Staff who may open any file by its id. Reviewers are among them although they see only their
 * department's cases: the files module sits below cases and cannot ask which case cites a file.
 * Ids are random (122 bits), and every such read is audited.
 */
export const STAFF_READERS = ['window_clerk', 'reviewer', 'supervisor', 'admin'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A material reference that is an uploaded file's id; anything else is a name typed earlier. */
export const isFileId = (reference: string | null | undefined): reference is string =>
  typeof reference === 'string' && UUID.test(reference);

export interface FileView {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

const view = (row: {
  id: string;
  original_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  created_at: Date;
}): FileView => ({
  id: row.id,
  name: row.original_name,
  mimeType: row.mime_type,
  size: row.size,
  sha256: row.sha256,
  createdAt: row.created_at.toISOString(),
});

const VIEW_COLUMNS = ['id', 'original_name', 'mime_type', 'size', 'sha256', 'created_at'] as const;

const parser = new FileTypeParser();

/** The kind of the bytes, if it is one we take; OFD is a ZIP that file-type does not name. */
export async function detectKind(bytes: Uint8Array): Promise<FileKind | null> {
  const detected = await parser.fromBuffer(bytes);
  if (detected?.mime === 'application/zip' && isOfdContainer(bytes))
    return allowedKind({ ext: 'ofd', mime: 'application/ofd' });
  return allowedKind(detected);
}

export interface UploadInput {
  name: string | undefined;
  bytes: Buffer;
}

/**
 * Checks, scans and stores one upload. The same owner sending the same bytes under the same name
 * again (a retry, a double click) gets the first file back, with `created: false`.
 */
export async function storeFile(
  db: Kysely<Database>,
  actor: Actor | null,
  scanner: FileScanner,
  input: UploadInput,
): Promise<{ file: FileView; created: boolean }> {
  assertRole(actor, ...UPLOADERS);
  const { bytes } = input;
  if (bytes.length === 0) throw badRequest('file_empty', 'file');
  const kind = await detectKind(bytes);
  if (!kind)
    throw badRequest('file_type_not_allowed', 'file', {
      name: cleanFileName(input.name, { ext: 'bin', mime: '' }),
      allowed: ALLOWED_LABEL,
    });
  const name = cleanFileName(input.name, kind);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const verdict = await scanner.scan(bytes, {
    name,
    mimeType: kind.mime,
    size: bytes.length,
    sha256,
    ownerAccountId: actor.accountId,
  });
  if (!verdict.clean) throw badRequest('file_infected', 'file', { reason: verdict.reason });

  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('file')
      .values({
        owner_account_id: actor.accountId,
        original_name: name,
        mime_type: kind.mime,
        size: bytes.length,
        sha256,
        content: bytes,
      })
      .onConflict((oc) => oc.constraint('file_same_upload').doNothing())
      .returning(VIEW_COLUMNS)
      .executeTakeFirst();
    if (inserted) {
      await recordAudit(trx, actor, {
        action: 'file.upload',
        targetType: 'file',
        targetId: inserted.id,
        after: { name, mimeType: kind.mime, size: bytes.length, sha256 },
      });
      return { file: view(inserted), created: true };
    }
    const first = await trx
      .selectFrom('file')
      .select(VIEW_COLUMNS)
      .where('owner_account_id', '=', actor.accountId)
      .where('sha256', '=', sha256)
      .where('original_name', '=', name)
      .executeTakeFirstOrThrow();
    return { file: view(first), created: false };
  });
}

/** Its owner, or staff who work on cases (see STAFF_READERS); 404 before 403 for a bad id. */
async function readable(db: Kysely<Database>, actor: Actor | null, id: string) {
  assertRole(actor, 'applicant', ...STAFF_READERS);
  if (!isFileId(id)) throw notFound('file');
  const row = await db
    .selectFrom('file')
    .select([...VIEW_COLUMNS, 'owner_account_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('file');
  const own = row.owner_account_id === actor.accountId;
  if (!own && !hasRole(actor, ...STAFF_READERS)) throw new AppError(403, 'forbidden');
  return { actor, row, own };
}

export async function fileInfo(db: Kysely<Database>, actor: Actor | null, id: string) {
  return view((await readable(db, actor, id)).row);
}

/** The file and its bytes; a read by anyone but its owner leaves an audit row. */
export async function readFile(db: Kysely<Database>, actor: Actor | null, id: string) {
  const { row, own, actor: who } = await readable(db, actor, id);
  const { content } = await db
    .selectFrom('file')
    .select('content')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (!own) await recordAudit(db, who, { action: 'file.read', targetType: 'file', targetId: id });
  const kind = { ext: extOf(row.mime_type), mime: row.mime_type };
  return { file: view(row), kind, content };
}

const extOf = (mime: string) => allowedKind({ ext: '', mime })?.ext ?? 'bin';

/**
 * Who uploaded each of these files (for a module that lets a file be cited, such as a case's
 * materials); an id that is no file is missing from the map.
 */
export async function fileOwners(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter(isFileId))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('file')
    .select(['id', 'owner_account_id'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.owner_account_id]));
}
