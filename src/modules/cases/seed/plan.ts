/**
 * Who applies for what, through which channel, when, and how far each case has got today: the
 * mix of the demo cases, drawn from a seeded random source so that every run on the same day
 * tells the same stories.
 */
import type { Applicant } from './applicants.ts';
import type { CasePlan, Fate, FollowUpPlan, InternalPlan, SubjectInfo } from './stories.ts';
import { addDays, type Random, type WorkingDays } from './simulation.ts';
import { INTERNAL_REQUESTS } from './texts.ts';

type Variant =
  | 'closed'
  | 'in_review'
  | 'red'
  | 'yellow'
  | 'special'
  | 'corrected'
  | 'delivering'
  | 'rejected'
  | 'correction'
  | 'submitted'
  | 'draft'
  | 'declined'
  | 'withdrawn';

/** How many cases of each kind (about 280 applications; internal ones and follow-ups come on top). */
const MIX: Record<Variant, number> = {
  closed: 122,
  in_review: 36,
  red: 12,
  yellow: 8,
  special: 6,
  corrected: 5,
  delivering: 16,
  rejected: 3,
  correction: 14,
  submitted: 16,
  draft: 15,
  declined: 13,
  withdrawn: 13,
};

const FATE: Record<Variant, Fate> = {
  closed: 'closed',
  in_review: 'in_review',
  red: 'in_review',
  yellow: 'in_review',
  special: 'in_review',
  corrected: 'in_review',
  delivering: 'delivering',
  rejected: 'delivering',
  correction: 'correction',
  submitted: 'submitted',
  draft: 'draft',
  declined: 'declined',
  withdrawn: 'withdrawn',
};

const FOLLOW_UPS: FollowUpPlan[] = ['done_and_reviewed', 'called', 'none', 'done'];

export interface PlanInput {
  rng: Random;
  days: WorkingDays;
  subjects: { citizen: SubjectInfo[]; enterprise: SubjectInfo[] };
  applicants: Applicant[];
}

export function planCases({ rng, days, subjects, applicants }: PlanInput): CasePlan[] {
  const variants: Variant[] = [];
  for (const [v, n] of Object.entries(MIX) as [Variant, number][])
    for (let i = 0; i < n; i++) variants.push(v);
  // Interleaved, so that neighbouring cases differ and the rating cycle below spreads out.
  const order = rng.sample(variants, variants.length);
  let rated = 0;
  return order.map((variant, n) => {
    const r = rng.fork(n + 1);
    const audience = r.chance(0.5) ? ('citizen' as const) : ('enterprise' as const);
    const online = variant === 'submitted' || variant === 'yellow' || r.chance(0.58);
    // Self-service kiosks (刷脸办) take the items opened to them.
    const atKiosk = online && r.chance(0.15);
    const candidates = pickSubjects(r, variant, subjects[audience], days);
    const subject = r.pick(atKiosk ? fits(candidates, (s) => s.kiosk) : candidates);
    const holders = applicants.filter((a) => a.account && a.kind === kindOf(audience));
    const others = applicants.filter((a) => !a.account && a.kind === kindOf(audience));
    const applicant = online || !others.length || r.chance(0.12) ? r.pick(holders) : r.pick(others);
    const channel: CasePlan['channel'] = online
      ? atKiosk && subject.kiosk
        ? 'kiosk'
        : r.pick(['web', 'mobile'] as const)
      : null;
    const nearby =
      subject.street && (applicant.streetCode === '330106013' ? r.chance(0.7) : r.chance(0.15));
    const plan: CasePlan = {
      n,
      rng: r,
      subject,
      applicant,
      fate: FATE[variant],
      channel,
      clerk: nearby ? 'clerk-wenxin' : 'clerk',
      inPerson: !online && r.chance(0.65),
      startDay: days.ago(1),
      delivery: r.weighted({ electronic: 6, post: 2.5, pickup: online ? 1 : 3 }),
      sometimesLate: true,
    };
    if (channel && channel !== 'kiosk' && r.chance(0.2)) plan.startedOn = other(channel);
    const age = (min: number, max: number) => days.ago(r.int(min, max));
    const start = (min: number, max: number) => {
      const day = age(min, max);
      // Online applications are often written the evening before, weekends included.
      plan.startDay = channel && r.chance(0.25) ? addDays(day, -1) : day;
    };
    switch (variant) {
      case 'closed': {
        start(14, 58);
        if (r.chance(0.1)) {
          plan.correctionAt = r.chance(0.5) ? 'intake' : 'review';
          plan.correctionAnswered = true;
        }
        if (r.chance(0.07)) plan.special = 'done';
        if (r.chance(0.05)) plan.reject = true;
        if (applicant.account && r.chance(0.88)) {
          const bad = rated++ % 8 === 3;
          const score = bad ? r.pick([1, 2] as const) : r.weighted({ '5': 66, '4': 24, '3': 10 });
          plan.rating = {
            score: Number(score) as 1 | 2 | 3 | 4 | 5,
            channel: r.pick(['web', 'mobile'] as const),
            followUp: FOLLOW_UPS[Math.floor(rated / 8) % FOLLOW_UPS.length]!,
          };
        }
        break;
      }
      case 'in_review': {
        // Reviews under way, within their limits: green, mostly.
        const quickest = Math.min(...subject.firstItems.map((i) => i.promisedDays));
        plan.acceptDay = days.ago(r.int(1, Math.max(1, Math.min(10, quickest - 2))));
        plan.stallAfter = subject.kind === 'bundle' ? r.int(0, 2) : 0;
        break;
      }
      case 'red': {
        const slowest = Math.max(...subject.firstItems.map((i) => i.promisedDays));
        plan.acceptDay = days.ago(Math.min(58, Math.max(2, slowest + r.int(2, 12))));
        plan.stallAfter = 0;
        break;
      }
      case 'yellow':
        // Due today (or on the next working day when today is none): one working day or less left.
        plan.acceptDay = days.ago(subject.items[0]!.promisedDays);
        plan.stallAfter = 0;
        break;
      case 'special':
        start(2, 8);
        plan.special = 'running';
        break;
      case 'corrected':
        start(3, 10);
        plan.correctionAt = r.chance(0.5) ? 'intake' : 'review';
        plan.correctionAnswered = true;
        plan.sometimesLate = false;
        plan.stallAfter = 0;
        break;
      case 'delivering':
      case 'rejected':
        start(4, 7);
        plan.sometimesLate = false;
        if (variant === 'rejected') plan.reject = true;
        break;
      case 'correction':
        start(1, 8);
        plan.correctionAt = r.chance(0.5) ? 'intake' : 'review';
        break;
      case 'submitted':
        plan.startDay = days.ago(1);
        break;
      case 'draft':
        start(1, 12);
        break;
      case 'declined':
        start(2, 58);
        break;
      case 'withdrawn': {
        start(2, 58);
        plan.withdrawAt = r.weighted({ intake: 5, correction: 3, review: 5 });
        if (plan.withdrawAt === 'correction')
          plan.correctionAt = r.chance(0.5) ? 'intake' : 'review';
        break;
      }
    }
    return plan;
  });
}

const kindOf = (audience: 'citizen' | 'enterprise') =>
  audience === 'citizen' ? 'person' : 'enterprise';

const other = (c: 'web' | 'mobile'): 'web' | 'mobile' => (c === 'web' ? 'mobile' : 'web');

/** A subject that suits the case: short ones where the case must be far along by now. */
function pickSubjects(
  r: Random,
  variant: Variant,
  all: SubjectInfo[],
  days: WorkingDays,
): SubjectInfo[] {
  const items = all.filter((s) => s.kind === 'item');
  const bundles = all.filter((s) => s.kind === 'bundle');
  const slowest = (s: SubjectInfo) => Math.max(...s.items.map((i) => i.promisedDays));
  switch (variant) {
    case 'yellow':
      return fits(items, (s) => {
        const limit = s.items[0]!.promisedDays;
        return limit >= 1 && limit <= Math.min(20, days.todayIndex - 1);
      });
    case 'red':
      return fits(r.chance(0.5) ? bundles : items, (s) =>
        s.firstItems.every((i) => i.promisedDays >= 1 && i.promisedDays <= 20),
      );
    case 'in_review':
      return fits(r.chance(0.45) ? bundles : items, (s) =>
        s.firstItems.every((i) => i.promisedDays >= 3),
      );
    case 'delivering':
    case 'rejected':
    case 'corrected':
      return fits(r.chance(0.3) ? bundles : items, (s) => slowest(s) <= 5 && s.items.length <= 4);
    case 'declined':
      return fits(r.chance(0.5) ? bundles : items, (s) => s.permit);
    default:
      return r.chance(0.45) ? bundles : items;
  }
}

/** The ones that qualify, or all of them when none does. */
function fits(list: SubjectInfo[], ok: (s: SubjectInfo) => boolean): SubjectInfo[] {
  const l = list.filter(ok);
  return l.length ? l : list;
}

/** Requests between departments: most answered within the 3 working days, a few still open. */
export function planInternal(rng: Random, days: WorkingDays): InternalPlan[] {
  return INTERNAL_REQUESTS.map((request, i) => {
    const r = rng.fork(10_000 + i);
    const open = i % 5 === 2 ? 'recent' : i % 5 === 4 ? 'late' : null;
    return {
      rng: r,
      request,
      day: days.ago(
        open === 'recent' ? r.int(1, 2) : open === 'late' ? r.int(6, 20) : r.int(4, 50),
      ),
      provideAfter: open ? null : r.int(0, 3),
    };
  });
}
