import type { ProcessDefinition } from '../model.ts';

/**
 * 机关内部"最多跑一次": one department asks another for data, a seal or an opinion, and the asking
 * department's staff should not have to go round in person either. The request is made (and
 * done) when the case is created; the department asked then has 3 working days to provide, or
 * to refuse with reasons. There is no statutory limit: this is a commitment between departments.
 */
export const INTERNAL_SERVICE: ProcessDefinition = {
  key: 'internal-service',
  kind: 'internal_service',
  name: '机关内部“最多跑一次”',
  nameEn: 'Internal service between departments',
  steps: [
    {
      key: 'request',
      name: '提出需求',
      nameEn: 'Request',
      owner: { kind: 'requester_department' },
      role: 'reviewer',
      after: [],
      actions: ['submit', 'withdraw'],
      pausing: [],
      limitDays: null,
    },
    {
      key: 'provide',
      name: '办理',
      nameEn: 'Provide',
      owner: { kind: 'target_department' },
      role: 'reviewer',
      after: ['request'],
      // `return` sends an unclear request back to the asking department instead of refusing it.
      actions: ['approve', 'reject', 'return', 'escalate'],
      pausing: [],
      limitDays: 3,
    },
  ],
  promisedDays: 3,
  statutoryDays: null,
};
