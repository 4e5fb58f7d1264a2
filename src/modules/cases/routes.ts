import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { errorResponses, IdParams, listOf, Nullable, PageQuery } from '../../server/schemas.ts';
import { AppError } from '../../shared/app-error.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import { act, type ActInput } from './engine/act.ts';
import { todayOf, type EngineDeps } from './engine/context.ts';
import type { MaterialSources } from './engine/hooks.ts';
import type { Clock } from './clock.ts';
import { buildNotice, NOTICE_KINDS } from './notices.ts';
import { messageTitle } from './rules/message-title.ts';
import { renderNotice } from '../../shared/pdf/notice.ts';
import { saveDraft, startDraft, submit } from './engine/draft.ts';
import { startInternalService } from './engine/internal.ts';
import { reassignTask, recordVisit } from './engine/staff.ts';
import { addFollowUpReview, rateCase } from './engine/rating.ts';
import { ACTIONS, SPECIAL_PROCEDURES } from './model.ts';
import { getCase, listCases, listMyTasks, ratingStats, tripStats } from './queries.ts';
import { revealPersonalData } from './personal-data.service.ts';
import { CaseDetail, CaseList, TaskRow } from './schemas.ts';

const lit = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((v) => Type.Literal(v)));
const tags = ['cases'];
const Version = Type.Integer({
  minimum: 1,
  description: 'The version you saw: a concurrent change answers 409',
});
const Material = Type.Object(
  {
    key: Type.String({ maxLength: 64 }),
    name: Type.String({ maxLength: 100 }),
    source: lit(['upload', 'certificate', 'shared_data', 'paper'] as const),
    reference: Nullable(Type.String({ maxLength: 200 })),
    attachedFrom: Type.Optional(
      Type.Union([Type.Literal('certificate'), Type.Literal('dataset')], {
        description: 'Set by the platform only (zero-material); ignored on input',
      }),
    ),
  },
  { additionalProperties: false },
);

const DeliveryChoiceInput = Type.Object(
  {
    method: lit(['pickup', 'post', 'electronic'] as const),
    servicePoint: Type.Optional(Type.String({ maxLength: 64 })),
    post: Type.Optional(
      Type.Object(
        {
          recipient: Type.String({ maxLength: 40 }),
          phone: Type.String({ maxLength: 20 }),
          address: Type.String({ maxLength: 200 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, description: '领取方式: how the applicant wants the result' },
);

export const caseRoutes: FastifyPluginAsyncTypebox<{
  db: Kysely<Database>;
  calendar: WorkingCalendar;
  clock?: Clock;
  yellowWithin?: number;
  materialSources?: MaterialSources;
}> = async (app, { db, calendar, clock, yellowWithin, materialSources }) => {
  const deps: EngineDeps = {
    db,
    calendar,
    ...(clock ? { clock } : {}),
    ...(yellowWithin === undefined ? {} : { yellowWithin }),
    ...(materialSources ? { materialSources } : {}),
  };
  const detail = async (request: FastifyRequest, id: string) =>
    getCase(db, request.actor, id, await calendar.lookup(), todayOf(deps));

  app.post(
    '/cases',
    {
      config: { roles: ['applicant', 'window_clerk'] },
      schema: {
        tags,
        summary: 'Start an application (a draft kept on the server, resumable from any channel)',
        body: Type.Object(
          {
            subject: Type.Object(
              { kind: lit(['bundle', 'item'] as const), key: Type.String({ maxLength: 64 }) },
              { additionalProperties: false },
            ),
            formData: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
            onBehalfOf: Type.Optional(
              Type.Object(
                {
                  personId: Type.Optional(Type.String({ format: 'uuid' })),
                  enterpriseId: Type.Optional(Type.String({ format: 'uuid' })),
                },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: CaseDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await startDraft(deps, request.actor, request.body);
      return reply.status(201).send(await detail(request, id));
    },
  );

  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Cases: mine (applicants), my units’ (reviewers), all (windows, supervisors)',
        querystring: Type.Object({
          ...PageQuery,
          state: Type.Optional(
            lit([
              'draft',
              'submitted',
              'correction',
              'in_review',
              'delivering',
              'closed',
              'declined',
              'withdrawn',
            ] as const),
          ),
          kind: Type.Optional(
            lit(['service_application', 'internal_service', 'rating_follow_up'] as const),
          ),
          number: Type.Optional(Type.String({ maxLength: 40 })),
          residentId: Type.Optional(Type.String({ maxLength: 32 })),
          order: Type.Optional(lit(['newest', 'oldest'] as const)),
        }),
        response: { 200: CaseList, ...errorResponses },
      },
    },
    async (request) => listCases(db, request.actor, request.query),
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        tags,
        summary: 'One case: its steps, deadlines, timeline, trips and rating',
        params: IdParams,
        response: { 200: CaseDetail, ...errorResponses },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  app.get(
    '/cases/:id/personal-data',
    {
      schema: {
        tags,
        summary:
          'The resident IDs and phone numbers the case view masks, in full (audited; not for leaders)',
        params: IdParams,
        response: {
          200: Type.Object({
            formData: Type.Record(Type.String(), Type.String(), {
              description: 'Only the masked fields, by form key',
            }),
            deliveryPhone: Nullable(
              Type.String({ description: 'The postal delivery choice’s phone, if any' }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return revealPersonalData(db, request.actor, request.params.id);
    },
  );

  app.patch(
    '/cases/:id',
    {
      config: { roles: ['applicant', 'window_clerk'] },
      schema: {
        tags,
        summary: 'Save the draft (form data merged, materials replaced)',
        params: IdParams,
        body: Type.Object(
          {
            version: Version,
            formData: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
            materials: Type.Optional(Type.Array(Material, { maxItems: 100 })),
            deliveryChoice: Type.Optional(DeliveryChoiceInput),
          },
          { additionalProperties: false },
        ),
        response: { 200: CaseDetail, ...errorResponses },
      },
    },
    async (request) => {
      await saveDraft(
        deps,
        request.actor,
        request.params.id,
        request.body as Parameters<typeof saveDraft>[3],
      );
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/cases/:id/submit',
    {
      config: { roles: ['applicant', 'window_clerk'] },
      schema: {
        tags,
        summary:
          'Hand the application in (or back in, after a correction); 400 lists everything missing',
        params: IdParams,
        body: Type.Object({ version: Version }, { additionalProperties: false }),
        response: { 200: CaseDetail, ...errorResponses },
      },
    },
    async (request) => {
      await submit(deps, request.actor, request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/cases/:id/actions',
    {
      schema: {
        tags,
        summary:
          'Act on a step: accept, request_correction, decline, approve, reject, return, escalate, withdraw, special procedures, deliver',
        params: IdParams,
        body: Type.Object(
          {
            taskId: Type.String({ format: 'uuid' }),
            action: lit(ACTIONS),
            version: Version,
            comment: Type.Optional(Type.String({ maxLength: 2000 })),
            corrections: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    field: Type.String({ maxLength: 100 }),
                    message: Type.String({ minLength: 1, maxLength: 500 }),
                  },
                  { additionalProperties: false },
                ),
                { minItems: 1, maxItems: 50 },
              ),
            ),
            reason: Type.Optional(Type.String({ maxLength: 2000 })),
            legalBasis: Type.Optional(Type.String({ maxLength: 500 })),
            procedure: Type.Optional(
              lit(Object.keys(SPECIAL_PROCEDURES) as (keyof typeof SPECIAL_PROCEDURES)[]),
            ),
            delivery: Type.Optional(
              Type.Object(
                {
                  method: lit(['pickup', 'post', 'electronic'] as const),
                  trackingNumber: Type.Optional(Type.String({ maxLength: 40 })),
                },
                { additionalProperties: false },
              ),
            ),
            visit: Type.Optional(
              Type.Object(
                { servicePoint: Type.String({ maxLength: 64 }) },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: CaseDetail, ...errorResponses },
      },
    },
    async (request) => {
      const { taskId, ...input } = request.body;
      const owner = await db
        .selectFrom('task')
        .select('case_id')
        .where('id', '=', taskId)
        .executeTakeFirst();
      if (!owner || owner.case_id !== request.params.id)
        throw new AppError(404, 'not_found', { what: 'task' });
      await act(deps, request.actor, taskId, input as ActInput);
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/cases/:id/trips',
    {
      config: { roles: ['window_clerk'] },
      schema: {
        tags,
        summary: 'Record a visit in person (handing in originals, …) at a service point',
        params: IdParams,
        body: Type.Object(
          {
            purpose: lit(['intake', 'materials', 'pickup'] as const),
            servicePoint: Type.String({ minLength: 1, maxLength: 64 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: CaseDetail, ...errorResponses },
      },
    },
    async (request) => {
      await recordVisit(deps, request.actor, request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/cases/:id/tasks/:taskId/reassign',
    {
      config: { roles: ['supervisor'] },
      schema: {
        tags,
        summary: '督查: move an open step to another department or street (its deadline stays)',
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          taskId: Type.String({ format: 'uuid' }),
        }),
        body: Type.Object(
          {
            orgUnit: Type.String({ minLength: 1, maxLength: 64 }),
            version: Version,
            reason: Type.String({ minLength: 1, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: CaseDetail, ...errorResponses },
      },
    },
    async (request) => {
      await reassignTask(
        deps,
        request.actor,
        request.params.id,
        request.params.taskId,
        request.body,
      );
      return detail(request, request.params.id);
    },
  );

  app.get(
    '/cases/:id/notices/:kind',
    {
      schema: {
        tags,
        summary: 'An intake notice as PDF: 受理通知书, 补正材料一次性告知书 or 不予受理通知书',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), kind: lit(NOTICE_KINDS) }),
        response: {
          200: Type.String({ contentMediaType: 'application/pdf', description: 'A4 PDF' }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const c = await detail(request, request.params.id);
      const intake = c.tasks.find((t) => t.stepKey === 'intake')?.ownerUnit?.name;
      const pdf = await renderNotice(
        buildNotice(request.params.kind, c, intake ?? '杭州市西湖区行政服务中心'),
      );
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `inline; filename="${request.params.kind}-${c.number ?? c.id}.pdf"`,
        )
        .send(pdf);
    },
  );

  app.get(
    '/tasks',
    {
      schema: {
        tags,
        summary: 'My work queue (assignee=me), soonest deadline first; supervisors see every unit',
        querystring: Type.Object({
          ...PageQuery,
          assignee: Type.Optional(Type.Literal('me')),
          sla: Type.Optional(lit(['green', 'yellow', 'red'] as const)),
          state: Type.Optional(lit(['open', 'paused'] as const)),
        }),
        response: { 200: listOf(TaskRow), ...errorResponses },
      },
    },
    async (request) => listMyTasks(db, request.actor, request.query),
  );

  app.post(
    '/cases/:id/rating',
    {
      config: { roles: ['applicant'] },
      schema: {
        tags: ['ratings'],
        summary: '好差评: rate a delivered case once (1–5); 1 or 2 opens a follow-up case',
        params: IdParams,
        body: Type.Object(
          {
            score: Type.Integer({ minimum: 1, maximum: 5 }),
            text: Type.Optional(Type.String({ maxLength: 1000 })),
            tags: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 10 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            caseId: Type.String(),
            score: Type.Integer(),
            followUpCaseId: Nullable(Type.String()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await rateCase(
            deps,
            request.actor,
            request.params.id,
            request.body as Parameters<typeof rateCase>[3],
          ),
        ),
  );

  app.post(
    '/cases/:id/rating/follow-up',
    {
      config: { roles: ['applicant'] },
      schema: {
        tags: ['ratings'],
        summary: 'Add the one later review (追评)',
        params: IdParams,
        body: Type.Object(
          { text: Type.String({ minLength: 1, maxLength: 1000 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await addFollowUpReview(deps, request.actor, request.params.id, request.body.text);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/ratings',
    {
      config: { public: true },
      schema: {
        tags: ['ratings'],
        summary: 'Each department’s ratings and 差评率 (public)',
        response: {
          200: listOf(
            Type.Object({
              unit: Type.Object({
                code: Type.String(),
                name: Type.String(),
                nameEn: Type.String(),
              }),
              ratings: Type.Integer(),
              average: Type.Number(),
              bad: Type.Integer(),
              badRate: Type.Number(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async () => {
      const data = await ratingStats(db);
      return { data, total: data.length };
    },
  );

  app.get(
    '/cases/stats/trips',
    {
      config: { roles: ['supervisor', 'admin', 'leader', 'window_clerk'] },
      schema: {
        tags,
        summary: 'Trips and zero-trip rate per bundle/item, channel or street',
        querystring: Type.Object({ by: lit(['subject', 'channel', 'street'] as const) }),
        response: {
          200: listOf(
            Type.Object({
              key: Type.String(),
              cases: Type.Integer(),
              trips: Type.Integer(),
              zeroTrip: Type.Integer(),
              zeroTripRate: Type.Number(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const data = await tripStats(db, request.query.by);
      return { data, total: data.length };
    },
  );

  app.post(
    '/internal-services',
    {
      config: { roles: ['reviewer', 'window_clerk', 'supervisor', 'admin'] },
      schema: {
        tags,
        summary: '机关内部“最多跑一次”: ask another department for data, a seal or an opinion',
        body: Type.Object(
          {
            targetDepartment: Type.String({ pattern: '^dept:[a-z0-9-]+$' }),
            kind: lit(['data', 'seal', 'opinion'] as const),
            title: Type.String({ minLength: 1, maxLength: 100 }),
            detail: Type.String({ minLength: 1, maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: CaseDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await startInternalService(deps, request.actor, request.body);
      return reply.status(201).send(await detail(request, id));
    },
  );

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'My in-app notifications, newest first',
        querystring: Type.Object(PageQuery),
        response: {
          200: listOf(
            Type.Object({
              id: Type.String(),
              caseId: Nullable(Type.String()),
              kind: Nullable(
                Type.String({
                  description:
                    "What it tells of, the case event ('case.accept', 'case.deliver' …): " +
                    'pages word the body in their language; null on older messages',
                }),
              ),
              title: Type.String(),
              titleEn: Nullable(
                Type.String({ description: 'The title in English, where the case has one' }),
              ),
              body: Type.String({ description: 'The message as sent, in Chinese' }),
              createdAt: Type.String(),
              read: Type.Boolean(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = db.selectFrom('notification').where('account_id', '=', request.actor!.accountId);
      const [rows, count] = await Promise.all([
        q
          .leftJoin('cases', 'cases.id', 'notification.case_id')
          .selectAll('notification')
          .select(['cases.title_en as case_title_en', 'cases.number as case_number'])
          .orderBy('notification.created_at', 'desc')
          // Messages delivered in one outbox batch share created_at: the later one is newer.
          .orderBy('notification.id', 'desc')
          .limit(request.query.limit)
          .offset(request.query.offset)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        total: Number(count.n),
        data: rows.map((r) => ({
          id: r.id,
          caseId: r.case_id,
          kind: r.kind,
          title: r.title,
          titleEn: r.case_title_en ? messageTitle('en-US', r.case_title_en, r.case_number) : null,
          body: r.body,
          createdAt: new Date(r.created_at).toISOString(),
          read: Boolean(r.read_at),
        })),
      };
    },
  );

  app.post(
    '/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark my notifications read',
        body: Type.Object(
          {
            ids: Type.Array(Type.String({ format: 'uuid' }), {
              minItems: 1,
              maxItems: 100,
              uniqueItems: true,
            }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            marked: Type.Integer({
              description: 'How many were unread until now (others’ ids are ignored)',
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const marked = await db
        .updateTable('notification')
        .set({ read_at: new Date() })
        .where('account_id', '=', request.actor!.accountId)
        .where('id', 'in', request.body.ids)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return { marked: Number(marked.numUpdatedRows) };
    },
  );
};
