import { Alert } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../../../api';
import { CaseFacts } from '../../../cases/CaseFacts';
import { FormView } from '../../../cases/FormView';
import { caseStateLabel } from '../../../cases/labels';
import { MaterialsView } from '../../../cases/MaterialsView';
import { casePath, parseSubject, type CaseDetail } from '../../../cases/model';
import { NoticeLinks } from '../../../cases/NoticeLinks';
import { Timeline } from '../../../cases/Timeline';
import { useCase } from '../../../cases/useCase';
import { useT, type MessageKey } from '../../../i18n';
import { Loading } from '../../../shell/Loading';
import { usePageTitle } from '../../../shell/pageTitle';
import { ApplicationForm } from './ApplicationForm';
import { useCaseRoutes } from './paths';
import styles from './portal-cases.module.css';
import { Rating } from './Rating';
import { StepList } from './StepList';
import { Withdraw } from './Withdraw';
import { useLocalText } from '../../../cases/useLocalText';

const STATE_TEXT: Record<string, MessageKey> = {
  submitted: 'apply.view.submitted',
  in_review: 'apply.view.in_review',
  delivering: 'apply.view.delivering',
  closed: 'apply.view.closed',
  declined: 'apply.view.declined',
  withdrawn: 'apply.view.withdrawn',
};

/** Where starting the same application again makes sense. */
const AGAIN = new Set(['closed', 'declined', 'withdrawn']);

/** /cases/:id: a draft or a correction to fill in; any other case to follow (and rate). */
export function CasePage({ id }: { id: string }) {
  const t = useT();
  const location = useLocation();
  const { state, reload, replace } = useCase(id);
  const navigate = useNavigate();
  const routes = useCaseRoutes();
  const text = useLocalText();
  const started = (location.state as { started?: boolean } | null)?.started === true;
  const [flash, setFlash] = useState<string | null>(started ? t('apply.started') : null);
  // Said once: history keeps the state, and a reload days later must not repeat it.
  useEffect(() => {
    if (started) void navigate(location.pathname, { replace: true, state: null });
  }, [started, navigate, location.pathname]);
  usePageTitle(state.status === 'ready' ? text.caseTitle(state.data) : null);

  const onChange = (next: CaseDetail, message?: string) => {
    replace(next);
    setFlash(message ?? null);
  };
  // After a rating: the case again, without the page going blank while it loads.
  const refresh = (message: string) => {
    setFlash(message);
    api.get<CaseDetail>(casePath(id)).then(replace, reload);
  };

  const back = (
    <nav className="ot-back" aria-label={t('guide.breadcrumb')}>
      <ul className="ot-inline-list" style={{ paddingLeft: 0, listStyle: 'none', margin: 0 }}>
        <li>
          <Link to={routes.mine}>{t('apply.backToMine')}</Link>
        </li>
        <li>
          <Link to={routes.home}>{t(routes.homeLabel)}</Link>
        </li>
      </ul>
    </nav>
  );

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    return (
      <>
        {back}
        <Alert
          type="error"
          showIcon
          title={
            state.error.status === 404 || state.error.status === 403
              ? t('apply.case.notFound')
              : state.error.message
          }
        />
      </>
    );
  }
  const c = state.data;
  const editable =
    c.kind === 'service_application' && (c.state === 'draft' || c.state === 'correction');

  return (
    <article aria-labelledby="case-title" data-case={c.id} data-state={c.state}>
      {back}
      <div className={styles.heading}>
        <h2 id="case-title">{text.caseTitle(c)}</h2>
        <span className={styles.state} data-testid="case-state">
          {caseStateLabel(t, c.state)}
        </span>
        {c.number && (
          <span className={styles.number} data-testid="case-number">
            {t('apply.case.number', { number: c.number })}
          </span>
        )}
      </div>
      <div role="status" aria-live="polite">
        {flash && <Alert className="ot-alert" type="success" showIcon title={flash} />}
      </div>
      {editable ? (
        <ApplicationForm key={c.id} detail={c} onChange={onChange} reload={reload} />
      ) : (
        <CaseView detail={c} onChange={onChange} refresh={refresh} />
      )}
    </article>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/** A case handed in: where it stands, its deadline, its notices and history. */
function CaseView({
  detail: c,
  onChange,
  refresh,
}: {
  detail: CaseDetail;
  onChange: (detail: CaseDetail, message?: string) => void;
  refresh: (message: string) => void;
}) {
  const t = useT();
  const routes = useCaseRoutes();
  const stateText = STATE_TEXT[c.state];
  const subject = c.kind === 'service_application' ? parseSubject(c.subject) : null;
  const application = subject !== null;
  const decline =
    c.state === 'declined' ? c.timeline.findLast((e) => e.action === 'decline') : null;

  return (
    <>
      {stateText && (
        <p className={styles.lead} data-testid="case-explanation">
          {t(stateText, { date: c.promisedDue ?? '—' })}
        </p>
      )}
      {decline && typeof decline.data['reason'] === 'string' && (
        <Alert
          className="ot-alert"
          type="warning"
          showIcon
          title={t('apply.view.declineReason', { reason: decline.data['reason'] })}
          description={
            typeof decline.data['legalBasis'] === 'string' &&
            t('apply.view.declineBasis', { basis: decline.data['legalBasis'] })
          }
        />
      )}
      <Section id="case-facts-title" title={t('case.section.facts')}>
        <CaseFacts detail={c} />
        <NoticeLinks detail={c} />
      </Section>
      {c.state === 'closed' && application && <Rating detail={c} refresh={refresh} />}
      <Section id="case-progress-title" title={t('case.section.progress')}>
        {routes.narrow && <StepList tasks={c.tasks} />}
        <Timeline detail={c} hideSteps={routes.narrow} />
      </Section>
      {application && (
        <Section id="case-application-title" title={t('apply.view.application')}>
          <FormView subject={c.subject} formData={c.formData} />
          <MaterialsView subject={c.subject} materials={c.materials} />
        </Section>
      )}
      <Withdraw detail={c} onChange={onChange} />
      {subject && AGAIN.has(c.state) && (
        <p>
          <Link to={routes.apply(subject.kind, subject.key)}>{t('apply.view.applyAgain')}</Link>
        </p>
      )}
    </>
  );
}
