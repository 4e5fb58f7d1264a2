import type { ReactNode } from 'react';
import { useLocalName } from '../catalogue/labels';
import { useT, type Translate } from '../i18n';
import { Due } from './CaseFacts';
import {
  actionLabel,
  caseChannelLabel,
  decisionLabel,
  deliveryMethodLabel,
  procedureLabel,
  taskStateLabel,
  tripPurposeLabel,
  useFormatters,
} from './labels';
import { CorrectionList } from './CorrectionList';
import type { CaseDetail, CorrectionItem, TaskView, TimelineEvent } from './model';
import { SlaTag } from './SlaTag';
import { useServicePoints } from './useServicePoints';
import { useLocalText } from './useLocalText';

export interface TimelineProps {
  /** A case detail: its steps and its events. */
  detail: Pick<CaseDetail, 'tasks' | 'timeline' | 'subject'>;
  /** Leave out the table of steps (working days used against each step's limit). */
  hideSteps?: boolean;
}

/** Working days used against the step's limit: '2 / 5 working days', 'same day', 'no limit'. */
export function daysUsed(t: Translate, task: TaskView): string {
  if (task.workingDaysUsed === null) return '—';
  if (task.limitDays === null) return t('case.steps.usedNoLimit', { used: task.workingDaysUsed });
  if (task.limitDays === 0) return t('case.steps.usedSameDay', { used: task.workingDaysUsed });
  return t('case.steps.used', { used: task.workingDaysUsed, limit: task.limitDays });
}

/** Who owns a step: its unit; the shared window pool; or, before it opens, nobody yet. */
export function useStepUnit(): (task: TaskView) => string {
  const t = useT();
  const f = useFormatters();
  return (task) =>
    f.unit(task.ownerUnit) ??
    (task.role === 'window_clerk' ? t('case.steps.anyWindow') : t('case.steps.notRouted'));
}

/** Each step of the case: who owns it, where it stands, its deadline and the days it has used. */
export function StepsTable({ tasks }: { tasks: TaskView[] }) {
  const t = useT();
  const text = useLocalText();
  const unitOf = useStepUnit();
  return (
    <div className="ot-table-wrap">
      <table className="ot-table" data-testid="case-steps">
        <caption>{t('case.steps.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('case.steps.step')}</th>
            <th scope="col">{t('case.steps.unit')}</th>
            <th scope="col">{t('case.steps.state')}</th>
            <th scope="col">{t('case.steps.due')}</th>
            <th scope="col">{t('case.steps.days')}</th>
            <th scope="col" className="ot-nowrap">
              {t('case.steps.sla')}
            </th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => {
            const live = task.state === 'open' || task.state === 'paused';
            return (
              <tr key={task.id} data-step={task.stepKey}>
                <th scope="row">{text.stepName(task)}</th>
                <td>{unitOf(task)}</td>
                <td className="ot-nowrap">
                  {task.decision ? decisionLabel(t, task.decision) : taskStateLabel(t, task.state)}
                  {task.specialProcedure && task.state === 'paused' && (
                    <> · {procedureLabel(t, task.specialProcedure)}</>
                  )}
                </td>
                <td className="ot-nowrap">
                  <Due date={task.due} provisional={task.dueProvisional} />
                </td>
                <td>
                  {daysUsed(t, task)}
                  {task.pausedDays > 0 && (
                    <span style={{ display: 'block' }}>
                      {t('case.steps.paused', { n: task.pausedDays })}
                    </span>
                  )}
                </td>
                <td>
                  {live && (task.due || task.state === 'paused') ? (
                    <SlaTag sla={task.sla} paused={task.state === 'paused'} />
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);

/** What an event carries worth reading: the comment, the items to correct, the reason … */
function EventDetails({
  event,
  unitName,
  stepName,
  pointName,
  subject,
}: {
  event: TimelineEvent;
  unitName: (code: string) => string;
  stepName: (key: string) => string;
  pointName: (key: string) => string;
  subject: string;
}) {
  const t = useT();
  const d = event.data;
  const lines: ReactNode[] = [];
  const add = (key: string, node: ReactNode) => lines.push(<div key={key}>{node}</div>);
  if (text(d['number'])) add('number', t('case.event.number', { number: String(d['number']) }));
  if (Array.isArray(d['corrections'])) {
    lines.push(
      <CorrectionList
        key="corrections"
        subject={subject}
        items={d['corrections'] as CorrectionItem[]}
      />,
    );
  }
  if (text(d['reason'])) add('reason', t('case.event.reason', { text: String(d['reason']) }));
  if (text(d['legalBasis']))
    add('basis', t('case.event.legalBasis', { text: String(d['legalBasis']) }));
  if (text(d['procedure'])) add('procedure', procedureLabel(t, String(d['procedure'])));
  if (event.action === 'deliver' && text(d['method'])) {
    add('method', deliveryMethodLabel(t, String(d['method'])));
  }
  if (event.action === 'visit' && text(d['purpose'])) {
    add(
      'visit',
      `${tripPurposeLabel(t, String(d['purpose']))} · ${pointName(String(d['servicePoint'] ?? ''))}`,
    );
  }
  if (text(d['to']) && (event.action === 'reassign' || event.action === 'escalate')) {
    add(
      'moved',
      t('case.event.moved', {
        from: text(d['from']) ? unitName(String(d['from'])) : t('case.steps.anyWindow'),
        to: unitName(String(d['to'])),
      }),
    );
  }
  if (event.action === 'return' && Array.isArray(d['to'])) {
    add(
      'returned',
      t('case.event.returnedTo', {
        steps: (d['to'] as string[]).map(stepName).join(t('user.listSeparator')),
      }),
    );
  }
  if (typeof d['score'] === 'number') add('score', t('case.event.score', { n: d['score'] }));
  if (text(d['comment'])) add('comment', t('case.event.comment', { text: String(d['comment']) }));
  return lines.length ? <div style={{ marginTop: 4 }}>{lines}</div> : null;
}

/**
 * The case's history, oldest first: each event with its step, who acted, through which channel
 * and when; above it, unless hidden, each step's working days against its limit.
 */
export function Timeline({ detail, hideSteps = false }: TimelineProps) {
  const t = useT();
  const text = useLocalText();
  const f = useFormatters();
  const name = useLocalName();
  const points = useServicePoints();
  const steps = new Map(detail.tasks.map((task) => [task.stepKey, task]));
  const units = new Map(
    detail.tasks.flatMap((task) => (task.ownerUnit ? [[task.ownerUnit.code, task.ownerUnit]] : [])),
  );
  const unitName = (code: string) => f.unit(units.get(code)) ?? code;
  const stepName = (key: string) => {
    const step = steps.get(key);
    return step ? text.stepName(step) : key;
  };
  const pointName = (key: string) => {
    const p = points.status === 'ready' ? points.data.find((x) => x.key === key) : undefined;
    return p ? name(p) : key;
  };

  return (
    <div data-testid="case-timeline">
      {!hideSteps && <StepsTable tasks={detail.tasks} />}
      <h4 className="ot-timeline-title">{t('case.timeline.title')}</h4>
      <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {detail.timeline.map((event) => (
          <li
            key={event.id}
            data-action={event.action}
            style={{
              position: 'relative',
              padding: '0 0 14px 20px',
              borderInlineStart: '2px solid #bfbfbf',
              marginInlineStart: 6,
            }}
          >
            <span
              aria-hidden="true"
              style={{
                position: 'absolute',
                insetInlineStart: -7,
                top: 4,
                width: 12,
                height: 12,
                borderRadius: '50%',
                background: '#fff',
                border: '2px solid #0958d9',
              }}
            />
            <div>
              <strong>{actionLabel(t, event.action)}</strong>
              {event.step && stepName(event.step) !== actionLabel(t, event.action) && (
                <> · {stepName(event.step)}</>
              )}
            </div>
            <div style={{ color: 'rgba(0, 0, 0, 0.72)' }}>
              {t('case.timeline.meta', {
                who: event.actorName,
                channel: caseChannelLabel(t, event.channel),
                when: f.dateTime(event.at),
              })}
            </div>
            <EventDetails
              event={event}
              unitName={unitName}
              stepName={stepName}
              pointName={pointName}
              subject={detail.subject}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}
