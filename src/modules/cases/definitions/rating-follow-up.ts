import type { ProcessDefinition } from '../model.ts';

/**
 * 差评整改: a rating of 1 or 2 (好差评) opens a follow-up for the department responsible. It
 * calls the applicant back within 1 working day to hear what went wrong, then rectifies and
 * replies within 15 more; the whole promise is the sum of the two, 16 working days.
 */
export const RATING_FOLLOW_UP: ProcessDefinition = {
  key: 'rating-follow-up',
  kind: 'rating_follow_up',
  name: '差评整改',
  nameEn: 'Follow-up on a poor rating',
  steps: [
    {
      key: 'call_back',
      name: '回访',
      nameEn: 'Call back',
      owner: { kind: 'responsible_department' },
      role: 'reviewer',
      after: [],
      actions: ['complete', 'escalate'],
      pausing: [],
      limitDays: 1,
    },
    {
      key: 'rectify_reply',
      name: '整改答复',
      nameEn: 'Rectify and reply',
      owner: { kind: 'responsible_department' },
      role: 'reviewer',
      after: ['call_back'],
      actions: ['complete', 'escalate'],
      pausing: [],
      limitDays: 15,
    },
  ],
  promisedDays: 16,
  statutoryDays: null,
};
