import fastifyMultipart from '@fastify/multipart';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError, badRequest } from '../../shared/app-error.ts';
import { errorResponses, IdParams } from '../../server/schemas.ts';
import { ALLOWED_LABEL, contentDisposition, formatBytes } from './rules/file-kind.ts';
import { noScanner, type FileScanner } from './scanner.ts';
import { fileInfo, readFile, storeFile, UPLOADERS, STAFF_READERS } from './service.ts';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface FileRouteOptions {
  db: Kysely<Database>;
  /** Largest file taken, in bytes; 10 MB unless configured (ONETRIP_UPLOAD_MAX_MB). */
  maxBytes?: number | undefined;
  /** The virus scanner; without one every file passes, and the start says so once. */
  scanner?: FileScanner | undefined;
}

const tags = ['files'];
const FileView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String({ description: 'The uploader’s file name' }),
  mimeType: Type.String({ description: 'Detected from the bytes' }),
  size: Type.Integer({ description: 'Bytes' }),
  sha256: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

/** What the multipart parser throws, as the one error body with the field named. */
function uploadError(err: unknown, maxBytes: number): unknown {
  switch ((err as { code?: string } | null)?.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return badRequest('file_too_large', 'file', { limit: formatBytes(maxBytes) });
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return badRequest('file_one_only', 'file');
    // A text field where the file should be: there is no file.
    case 'FST_FIELDS_LIMIT':
      return badRequest('file_missing', 'file');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return badRequest('file_not_multipart', 'file');
    case 'FST_MP_PREMATURE_CLOSE':
    case 'FST_PROTO_VIOLATION':
      return badRequest('file_incomplete', 'file');
  }
  // busboy's own complaints about a malformed body carry no code.
  if (
    err instanceof Error &&
    !(err instanceof AppError) &&
    /multipart|form|boundary/i.test(err.message)
  )
    return badRequest('file_incomplete', 'file');
  return err;
}

/** 上传材料: one file per request, checked by its bytes, stored in the database. */
export const fileRoutes: FastifyPluginAsyncTypebox<FileRouteOptions> = async (app, opts) => {
  const { db } = opts;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const scanner = opts.scanner ?? noScanner;
  if (!opts.scanner)
    app.log.warn('files: no virus scanner is configured; uploads are stored unscanned');

  // Registered here, not app-wide: only this route reads multipart bodies.
  await app.register(fastifyMultipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1, fieldSize: 0 },
  });

  app.post(
    '/files',
    {
      config: { roles: [...UPLOADERS], idempotent: false },
      schema: {
        tags,
        summary: 'Upload one file (a material): PDF, JPEG, PNG or OFD, checked by its content',
        description: `multipart/form-data with one part named \`file\`. The kind is read from the bytes (${ALLOWED_LABEL}); the size is at most ${formatBytes(maxBytes)}; a configured virus scanner sees it before it is stored. 400 names \`file\` and the reason. Uploading the same bytes under the same name again answers 200 with the first file, so a retry needs no \`Idempotency-Key\` (one is accepted and ignored).`,
        consumes: ['multipart/form-data'],
        body: Type.Object({ file: Type.String({ format: 'binary' }) }),
        response: { 201: FileView, 200: FileView, ...errorResponses },
      },
      // The handler reads the body as a stream; its schema above is for the API document.
      validatorCompiler: () => () => true,
    },
    async (request, reply) => {
      let name: string | undefined;
      let bytes: Buffer | undefined;
      try {
        // Read to the end: a second part must be refused, not silently dropped.
        for await (const part of request.parts()) {
          if (part.type !== 'file' || part.fieldname !== 'file')
            throw badRequest('file_missing', 'file');
          name = part.filename;
          bytes = await part.toBuffer();
        }
      } catch (err) {
        throw uploadError(err, maxBytes);
      }
      if (!bytes) throw badRequest('file_missing', 'file');
      // A repeat gets the first answer, as a replayed Idempotency-Key would.
      const { file, created } = await storeFile(db, request.actor, scanner, { name, bytes });
      return reply.status(created ? 201 : 200).send(file);
    },
  );

  app.get(
    '/files/:id',
    {
      config: { roles: ['applicant', ...STAFF_READERS] },
      schema: {
        tags,
        summary: 'The file itself, to its owner or to staff working on cases (an audited read)',
        params: IdParams,
        querystring: Type.Object({
          download: Type.Optional(
            Type.Boolean({ description: 'Save it rather than open it in the browser' }),
          ),
        }),
        response: {
          200: Type.String({ format: 'binary', description: 'The bytes, with their type' }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { file, kind, content } = await readFile(db, request.actor, request.params.id);
      return reply
        .type(file.mimeType)
        .header(
          'content-disposition',
          contentDisposition(file.name, kind, request.query.download ? 'attachment' : 'inline'),
        )
        .header('content-length', content.length)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-cache')
        .header('etag', `"${file.sha256}"`)
        .send(content);
    },
  );

  app.get(
    '/files/:id/metadata',
    {
      config: { roles: ['applicant', ...STAFF_READERS] },
      schema: {
        tags,
        summary: 'What a file is (name, type, size), for the same readers as the file',
        params: IdParams,
        response: { 200: FileView, ...errorResponses },
      },
    },
    async (request) => fileInfo(db, request.actor, request.params.id),
  );
};
