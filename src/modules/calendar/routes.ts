import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, Nullable } from '../../server/schemas.ts';
import type { WorkingCalendar } from './service.ts';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

const Day = Type.Object({
  date: Type.String(),
  working: Type.Boolean(),
  provisional: Type.Boolean({ description: 'No published holiday schedule covers this date yet' }),
  name: Nullable(Type.String()),
  source: Type.Union(
    ['package', 'official_notice', 'local', 'weekday'].map((s) => Type.Literal(s)),
  ),
});

const DateResult = Type.Object({ date: Type.String(), provisional: Type.Boolean() });

const Coverage = Type.Object({
  packageLastYear: Type.Integer(),
  importedYears: Type.Array(Type.Integer()),
  localChanges: Type.Integer(),
});

export const calendarRoutes: FastifyPluginAsyncTypebox<{ calendar: WorkingCalendar }> = async (
  app,
  { calendar },
) => {
  app.get(
    '/calendar/days',
    {
      config: { public: true },
      schema: {
        tags: ['calendar'],
        summary: 'Working-day status of each date in a range (at most 400 days)',
        querystring: Type.Object({ from: IsoDate, to: IsoDate }),
        response: {
          200: Type.Object({ data: Type.Array(Day), total: Type.Integer() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const data = await calendar.days(request.query.from, request.query.to);
      return { data, total: data.length };
    },
  );

  app.get(
    '/calendar/add-working-days',
    {
      config: { public: true },
      schema: {
        tags: ['calendar'],
        summary: 'The date N working days after a date (the date itself does not count)',
        querystring: Type.Object({
          from: IsoDate,
          days: Type.Integer({ minimum: 0, maximum: 3650 }),
        }),
        response: { 200: DateResult, ...errorResponses },
      },
    },
    async (request) => calendar.addWorkingDays(request.query.from, request.query.days),
  );

  app.get(
    '/calendar/working-days-between',
    {
      config: { public: true },
      schema: {
        tags: ['calendar'],
        summary: 'Working days in (from, to]',
        querystring: Type.Object({ from: IsoDate, to: IsoDate }),
        response: {
          200: Type.Object({ days: Type.Integer(), provisional: Type.Boolean() }),
          ...errorResponses,
        },
      },
    },
    async (request) => calendar.workingDaysBetween(request.query.from, request.query.to),
  );

  app.get(
    '/calendar/coverage',
    {
      config: { public: true },
      schema: {
        tags: ['calendar'],
        summary: 'Which years have official holiday data, and how many local changes exist',
        response: { 200: Coverage, ...errorResponses },
      },
    },
    async () => calendar.coverage(),
  );

  app.put(
    '/calendar/days/:date',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['calendar'],
        summary: 'Set a local change: a day off or a working day for the district',
        params: Type.Object({ date: IsoDate }),
        body: Type.Object(
          { working: Type.Boolean(), name: Type.Optional(Type.String({ maxLength: 50 })) },
          { additionalProperties: false },
        ),
        response: { 200: Day, ...errorResponses },
      },
    },
    async (request) => calendar.setDay(request.actor, request.params.date, request.body),
  );

  app.delete(
    '/calendar/days/:date',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['calendar'],
        summary: 'Remove a local change or imported day',
        params: Type.Object({ date: IsoDate }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await calendar.clearDay(request.actor, request.params.date);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/calendar/years/:year',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['calendar'],
        summary: "Import a year's State Council holiday notice (holidays and make-up workdays)",
        params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        body: Type.Object(
          {
            notice: Type.String({
              minLength: 1,
              maxLength: 200,
              description: 'The notice, e.g. 国办发明电〔2026〕…',
            }),
            days: Type.Array(
              Type.Object(
                {
                  date: IsoDate,
                  working: Type.Boolean(),
                  name: Type.Optional(Type.String({ maxLength: 50 })),
                },
                { additionalProperties: false },
              ),
              { maxItems: 366 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Coverage, ...errorResponses },
      },
    },
    async (request) => calendar.importYear(request.actor, request.params.year, request.body),
  );
};
