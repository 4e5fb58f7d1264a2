import { Alert } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Due } from '../../cases/CaseFacts';
import { CaseLayout, WorkCard } from '../../cases/CaseLayout';
import { actionLabel } from '../../cases/labels';
import type { CaseDetail, StepAction, TaskView } from '../../cases/model';
import { SlaTag } from '../../cases/SlaTag';
import { StepActions } from '../../cases/StepActions';
import { daysUsed, useStepUnit } from '../../cases/Timeline';
import { useCase } from '../../cases/useCase';
import { useLocalText } from '../../cases/useLocalText';
import { useT } from '../../i18n';
import { Loading } from '../../shell/Loading';
import { usePageTitle } from '../../shell/pageTitle';

// Withdrawal is the applicant's (or a window's on their behalf), never a reviewer's.
const REVIEW_ACTIONS: StepAction[] = [
  'approve',
  'reject',
  'request_correction',
  'start_special_procedure',
  'end_special_procedure',
  'complete',
  'return',
  'escalate',
];

const actionable = (task: TaskView) =>
  task.allowedActions.some((a) => REVIEW_ACTIONS.includes(a as StepAction));

export default function ReviewCase() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const t = useT();
  const text = useLocalText();
  const { state, reload, replace } = useCase(id);
  const [status, setStatus] = useState<ReactNode>(null);
  usePageTitle(state.status === 'ready' ? (state.data.number ?? text.caseTitle(state.data)) : null);

  const back = (
    <nav className="ot-back" aria-label={t('guide.breadcrumb')}>
      <Link to="/review">{t('review.back')}</Link>
    </nav>
  );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    return (
      <>
        {back}
        <Alert type="error" showIcon title={state.error.message} />
      </>
    );
  }
  const c = state.data;
  const wanted = params.get('task');
  // The step the queue pointed at first, then any other of mine on the same case.
  const mine = c.tasks
    .filter(actionable)
    .sort((a, b) => Number(b.id === wanted) - Number(a.id === wanted));

  const done = (next: CaseDetail, action: StepAction, task: TaskView) => {
    replace(next);
    setStatus(
      <Alert
        type="success"
        showIcon
        className="ot-alert"
        data-testid="review-outcome"
        title={t('review.done', { action: actionLabel(t, action), step: text.stepName(task) })}
      />,
    );
  };
  const stale = (message: string) => {
    setStatus(<Alert type="warning" showIcon className="ot-alert" title={message} />);
    reload();
  };

  return (
    <CaseLayout
      detail={c}
      back={back}
      status={status}
      aside={
        mine.length ? (
          mine.map((task) => (
            <WorkCard
              key={task.id}
              title={text.stepName(task)}
              testId={`review-step-${task.stepKey}`}
            >
              <StepSummary task={task} />
              <StepActions
                key={`${task.id}-${task.version}`}
                detail={c}
                task={task}
                actions={REVIEW_ACTIONS}
                onDone={(next, action) => done(next, action, task)}
                onStale={stale}
              />
            </WorkCard>
          ))
        ) : (
          <Alert type="info" showIcon title={t('review.nothingForMe')} />
        )
      }
    />
  );
}

/** The step's owner, deadline, light and days used, above its decision. */
function StepSummary({ task }: { task: TaskView }) {
  const t = useT();
  const unitOf = useStepUnit();
  return (
    <dl className="ot-facts" style={{ marginBottom: 16 }}>
      <dt>{t('case.steps.unit')}</dt>
      <dd>{unitOf(task)}</dd>
      <dt>{t('case.steps.due')}</dt>
      <dd>
        <Due date={task.due} provisional={task.dueProvisional} />{' '}
        <SlaTag sla={task.sla} paused={task.state === 'paused'} />
      </dd>
      <dt>{t('case.steps.days')}</dt>
      <dd>{daysUsed(t, task)}</dd>
    </dl>
  );
}
