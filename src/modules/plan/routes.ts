import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { errorResponses, IdParams, listOf, PageQuery } from '../../server/schemas.ts';
import { STAFF_ROLES } from './access.ts';
import { exportProjects, exportTargets, importTargets, XLSX_TYPE } from './excel.ts';
import {
  AREAS,
  MILESTONES,
  PLATFORM_KEYS,
  PROGRAMMES,
  PROJECT_STATUSES,
  PROJECT_TYPES,
} from './model.ts';
import { getProject, listProjects, recordMilestone } from './projects.service.ts';
import {
  ImportResult,
  lit,
  MilestoneInput,
  PlanView,
  ProjectDetail,
  ProjectSummary,
  ReportInput,
  TargetDetail,
  TargetSummary,
} from './schemas.ts';
import { getPlan, getTarget, listTargets, reportProgress } from './targets.service.ts';
import { shanghaiToday } from './today.ts';

const tags = ['plan'];
const PlanKey = Type.String({ pattern: '^[a-z0-9][a-z0-9.-]{1,63}$' });
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
// Every staff member may ask; the service narrows to what their units own (see access.ts).
const readers = { roles: STAFF_ROLES };

export const planRoutes: FastifyPluginAsyncTypebox<{
  db: Kysely<Database>;
  /** Today's date in Asia/Shanghai; tests may fix it. */
  today?: () => string;
}> = async (app, { db, today = () => shanghaiToday() }) => {
  app.get(
    '/plan',
    {
      config: readers,
      schema: {
        tags,
        summary: 'The goal tree of a plan (the newest by default) with progress rolled up',
        description:
          'Leaders, supervisors and admins see the whole tree; other staff the branches holding their units’ targets (each node’s progress is still the district’s).',
        querystring: Type.Object({ key: Type.Optional(PlanKey) }),
        response: { 200: PlanView, ...errorResponses },
      },
    },
    async (request) => getPlan(db, request.actor, request.query.key),
  );

  app.get(
    '/targets',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Targets with their latest report and progress',
        description:
          'Leaders, supervisors and admins see every target; other staff the targets their units own (an empty list if none).',
        querystring: Type.Object({
          ...PageQuery,
          plan: Type.Optional(PlanKey),
          node: Type.Optional(PlanKey),
          owner: Type.Optional(Type.String({ maxLength: 64, description: 'Org unit code' })),
          q: Type.Optional(Type.String({ maxLength: 50 })),
        }),
        response: { 200: listOf(TargetSummary), ...errorResponses },
      },
    },
    async (request) => listTargets(db, request.actor, request.query),
  );

  app.get(
    '/targets/export.xlsx',
    {
      config: readers,
      schema: {
        tags,
        summary: 'The targets you may read as Excel, each with its latest report',
        querystring: Type.Object({ plan: Type.Optional(PlanKey) }),
        response: { 200: Binary, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await exportTargets(db, request.actor, request.query.plan);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="onetrip-targets.xlsx"')
        .send(file);
    },
  );

  app.get(
    '/targets/:id',
    {
      config: readers,
      schema: {
        tags,
        summary: 'One target with every report and the progress of the nodes above it',
        params: IdParams,
        response: { 200: TargetDetail, ...errorResponses },
      },
    },
    async (request) => getTarget(db, request.actor, request.params.id),
  );

  app.post(
    '/targets/:id/reports',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Report progress on a target (its owning unit, or a leader/supervisor/admin)',
        params: IdParams,
        body: ReportInput,
        response: { 201: TargetDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const target = await reportProgress(
        db,
        request.actor,
        request.params.id,
        request.body,
        today(),
      );
      return reply.status(201).send(target);
    },
  );

  app.register(async (scope) => {
    // The spreadsheet arrives as the raw request body.
    scope.addContentTypeParser(
      XLSX_TYPE,
      { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      '/targets/import',
      {
        config: readers,
        schema: {
          tags,
          summary:
            'Import progress reports from the targets sheet; a bad sheet is refused whole, every problem listed by row and column',
          response: { 200: ImportResult, ...errorResponses },
        },
      },
      async (request) => importTargets(db, request.actor, request.body as Buffer, today()),
    );
  });

  app.get(
    '/projects',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Major projects with their milestones and slippage warnings',
        description:
          'Investment in 万元, land in 亩, floor area in m². Leaders, supervisors and admins see every project; other staff those their units own.',
        querystring: Type.Object({
          ...PageQuery,
          area: Type.Optional(lit(AREAS)),
          status: Type.Optional(lit(PROJECT_STATUSES)),
          platform: Type.Optional(lit(PLATFORM_KEYS)),
          programme: Type.Optional(lit(PROGRAMMES)),
          type: Type.Optional(lit(PROJECT_TYPES)),
          slipping: Type.Optional(Type.Boolean()),
          q: Type.Optional(Type.String({ maxLength: 50 })),
        }),
        response: { 200: listOf(ProjectSummary), ...errorResponses },
      },
    },
    async (request) => listProjects(db, request.actor, request.query, today()),
  );

  app.get(
    '/projects/export.xlsx',
    {
      config: readers,
      schema: {
        tags,
        summary: 'The projects you may read, with their milestones, as Excel',
        response: { 200: Binary, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await exportProjects(db, request.actor, today());
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="onetrip-projects.xlsx"')
        .send(file);
    },
  );

  app.get(
    '/projects/:id',
    {
      config: readers,
      schema: {
        tags,
        summary: 'One project',
        params: IdParams,
        response: { 200: ProjectDetail, ...errorResponses },
      },
    },
    async (request) => getProject(db, request.actor, request.params.id, today()),
  );

  app.patch(
    '/projects/:id/milestones/:key',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Record the date a milestone was reached (its owning unit, or an overseer)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), key: lit(MILESTONES) }),
        body: MilestoneInput,
        response: { 200: ProjectDetail, ...errorResponses },
      },
    },
    async (request) =>
      recordMilestone(
        db,
        request.actor,
        request.params.id,
        request.params.key,
        request.body,
        today(),
      ),
  );
};
