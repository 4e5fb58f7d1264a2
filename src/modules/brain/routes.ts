import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { assertRole } from '../../shared/actor.ts';
import { badRequest } from '../../shared/app-error.ts';
import { errorResponses } from '../../server/schemas.ts';
import { renderMonthlyReport } from './report.ts';
import { PlanBrainView, PlanQuery, ReportQuery, ServicesQuery, ServicesView } from './schemas.ts';
import { BRAIN_ROLES, brainPlan, brainServices, shanghaiToday } from './service.ts';

const tags = ['brain'];
const readers = { roles: BRAIN_ROLES };
const PDF = 'application/pdf';

/** The first and last day of a month (YYYY-MM); a month still running ends today. */
export function monthPeriod(month: string, today: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = `${month}-01`;
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  if (from > today) throw badRequest('validation_maximum', 'month', { limit: today.slice(0, 7) });
  return { from, to: last < today ? last : today };
}

export const brainRoutes: FastifyPluginAsyncTypebox<{
  db: Kysely<Database>;
  /** Today's date in Asia/Shanghai; tests may fix it. */
  today?: () => string;
  /** The district named in the monthly report. */
  district?: string;
}> = async (app, { db, today = () => shanghaiToday(), district = '西湖区' }) => {
  app.get(
    '/brain/services',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Service figures over a period: cases, on-time, zero-trip, ratings, overdue',
        description:
          'From the daily roll-up the case engine keeps. The last 30 days by default; `street` and `subject` drill down (district → street → item). Every figure comes with its definition in both languages. Leaders, supervisors and admins.',
        querystring: ServicesQuery,
        response: { 200: ServicesView, ...errorResponses },
      },
    },
    async (request) => brainServices(db, request.actor, request.query, today()),
  );

  app.get(
    '/brain/plan',
    {
      config: readers,
      schema: {
        tags,
        summary:
          'Plan figures: goal-tree progress, projects by area and status, investment, slippage',
        description:
          'Composed from the plan module (the newest plan by default). Figures the plan article does not give are flagged `demo`. Leaders, supervisors and admins.',
        querystring: PlanQuery,
        response: { 200: PlanBrainView, ...errorResponses },
      },
    },
    async (request) => brainPlan(db, request.actor, request.query, today()),
  );

  app.get(
    '/brain/report.pdf',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Monthly report (PDF): the month’s service figures and the plan’s progress',
        description:
          'Service figures cover the month (up to today for the running month); plan progress is as of today. Demo figures are marked 演示数据.',
        querystring: ReportQuery,
        response: {
          200: { type: 'string', format: 'binary', description: 'application/pdf' },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      assertRole(request.actor, ...BRAIN_ROLES);
      const day = today();
      const period = monthPeriod(request.query.month, day);
      const [services, plan] = await Promise.all([
        brainServices(db, request.actor, period, day),
        brainPlan(db, request.actor, { plan: request.query.plan }, day),
      ]);
      const pdf = await renderMonthlyReport({
        month: request.query.month,
        district,
        services,
        plan,
        generatedOn: day,
      });
      return reply
        .type(PDF)
        .header(
          'content-disposition',
          `inline; filename="onetrip-brain-${request.query.month}.pdf"`,
        )
        .send(pdf);
    },
  );
};
