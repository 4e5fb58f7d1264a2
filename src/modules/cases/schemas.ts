import { Type } from '@fastify/type-provider-typebox';
import { Nullable } from '../../server/schemas.ts';

const S = Type.String();
const NS = Nullable(Type.String());

export const CaseSummary = Type.Object({
  id: S,
  number: NS,
  kind: S,
  subject: S,
  title: S,
  titleEn: Nullable(
    Type.String({ description: 'The title in English; null where none is known: show title' }),
  ),
  state: S,
  outcome: NS,
  applicantName: S,
  channel: S,
  submittedAt: NS,
  acceptedOn: NS,
  promisedDue: NS,
  statutoryDue: NS,
  dueProvisional: Type.Boolean({ description: 'A deadline past the published holiday data' }),
  sla: NS,
  trips: Type.Integer({ description: 'Physical visits; 0 = zero-trip (跑零次)' }),
  version: Type.Integer(),
  createdAt: S,
});

export const CaseList = Type.Object({
  data: Type.Array(CaseSummary),
  total: Type.Integer({ minimum: 0 }),
  totalCapped: Type.Boolean({
    description: 'More cases match than are counted (10 000): total is then a lower bound',
  }),
});

const TaskView = Type.Object({
  id: S,
  stepKey: S,
  name: S,
  nameEn: Type.String({ description: 'The step name in English' }),
  itemKey: NS,
  state: S,
  pausedBy: NS,
  specialProcedure: NS,
  ownerUnit: Nullable(Type.Object({ code: S, name: S, nameEn: S })),
  role: S,
  openedOn: NS,
  limitDays: Nullable(Type.Integer()),
  due: NS,
  dueProvisional: Type.Boolean(),
  sla: NS,
  pausedDays: Type.Integer(),
  workingDaysUsed: Nullable(Type.Integer()),
  decision: NS,
  comment: NS,
  decidedAt: NS,
  version: Type.Integer(),
  allowedActions: Type.Array(S, { description: 'What the caller may do on this step now' }),
});

export const CaseDetail = Type.Object({
  ...CaseSummary.properties,
  formData: Type.Record(Type.String(), Type.Unknown()),
  materials: Type.Array(
    Type.Object({
      key: S,
      name: S,
      source: S,
      reference: NS,
      attachedFrom: Type.Optional(
        Type.String({ description: 'certificate or dataset: attached by the platform (零材料)' }),
      ),
    }),
  ),
  correction: Nullable(
    Type.Object({ items: Type.Array(Type.Object({ field: S, message: S })), requestedAt: S }),
  ),
  delivery: Nullable(
    Type.Object({ method: S, trackingNumber: Type.Optional(S), servicePoint: Type.Optional(S) }),
  ),
  deliveryChoice: Nullable(
    Type.Object({
      method: S,
      servicePoint: Type.Optional(S),
      post: Type.Optional(Type.Object({ recipient: S, phone: S, address: S })),
    }),
  ),
  parentCaseId: NS,
  tasks: Type.Array(TaskView),
  timeline: Type.Array(
    Type.Object({
      id: Type.Integer(),
      action: S,
      step: NS,
      actor: Type.String({ description: 'Login name (or "system")' }),
      actorName: Type.String({ description: 'Display name of who acted' }),
      channel: S,
      at: S,
      data: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
  tripList: Type.Array(Type.Object({ purpose: S, servicePoint: S, at: S })),
  rating: Nullable(
    Type.Object({
      score: Type.Integer(),
      text: NS,
      tags: Type.Array(S),
      at: S,
      followUpText: NS,
      followUpCaseId: NS,
    }),
  ),
});

export const TaskRow = Type.Object({
  id: S,
  stepKey: S,
  name: S,
  state: S,
  ownerUnit: NS,
  role: S,
  openedOn: NS,
  due: NS,
  dueProvisional: Type.Boolean(),
  sla: NS,
  pausedBy: NS,
  version: Type.Integer(),
  case: Type.Object({
    id: S,
    number: NS,
    title: S,
    applicantName: S,
    state: S,
    channel: S,
    submittedAt: NS,
  }),
});
