import { Alert, Button, Form, Select } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api';
import { CaseLayout, WorkCard } from '../../cases/CaseLayout';
import { Trips } from '../../cases/CaseFacts';
import { tripPurposeLabel, useFormatters } from '../../cases/labels';
import {
  casePath,
  isLive,
  TRIP_PURPOSES,
  type CaseDetail,
  type StepAction,
  type TripPurpose,
} from '../../cases/model';
import { NoticeLink } from '../../cases/NoticeLinks';
import { ServicePointSelect, useDefaultServicePoint } from '../../cases/ServicePointSelect';
import { StepActions } from '../../cases/StepActions';
import { useCase } from '../../cases/useCase';
import { useServicePoints } from '../../cases/useServicePoints';
import { useLocalName } from '../../catalogue/labels';
import { useT } from '../../i18n';
import { Loading } from '../../shell/Loading';
import { usePageTitle } from '../../shell/pageTitle';
import { CounterDraft } from './CounterDraft';

const INTAKE_ACTIONS: StepAction[] = ['accept', 'request_correction', 'decline', 'withdraw'];

export default function CounterCase() {
  const { id = '' } = useParams();
  const t = useT();
  const { state, reload, replace } = useCase(id);
  const [status, setStatus] = useState<ReactNode>(null);
  // A correction is the applicant's to answer; the clerk takes it over only when asked to.
  const [correcting, setCorrecting] = useState(false);
  usePageTitle(state.status === 'ready' ? (state.data.number ?? state.data.title) : null);

  const back = (
    <nav className="ot-back" aria-label={t('guide.breadcrumb')}>
      <Link to="/counter">{t('counter.back')}</Link>
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
  const intake = c.tasks.find((x) => x.stepKey === 'intake' && isLive(x));
  const delivery = c.tasks.find((x) => x.stepKey === 'delivery' && isLive(x));

  const done = (next: CaseDetail, action: StepAction) => {
    replace(next);
    setStatus(<Outcome detail={next} action={action} />);
  };
  const stale = (message: string) => {
    setStatus(<Alert type="warning" showIcon className="ot-alert" title={message} />);
    reload();
  };

  const application = c.kind === 'service_application';
  if (application && (c.state === 'draft' || (c.state === 'correction' && correcting))) {
    return (
      <CounterDraft
        detail={c}
        back={back}
        status={status}
        reload={reload}
        onChange={(next, message) => {
          replace(next);
          if (next.state !== 'correction') setCorrecting(false);
          setStatus(
            message ? <Alert type="success" showIcon className="ot-alert" title={message} /> : null,
          );
        }}
      />
    );
  }

  return (
    <CaseLayout
      detail={c}
      back={back}
      status={status}
      aside={
        <>
          {intake &&
            intake.allowedActions.some((a) => INTAKE_ACTIONS.includes(a as StepAction)) && (
              <WorkCard title={t('counter.intake.title')} testId="counter-intake">
                <StepActions
                  key={`${intake.id}-${intake.version}`}
                  detail={c}
                  task={intake}
                  actions={INTAKE_ACTIONS}
                  offerVisit
                  onDone={done}
                  onStale={stale}
                />
              </WorkCard>
            )}
          {delivery && delivery.allowedActions.includes('deliver') && (
            <WorkCard title={t('counter.delivery.title')} testId="counter-delivery">
              <StepActions
                key={`${delivery.id}-${delivery.version}`}
                detail={c}
                task={delivery}
                actions={['deliver']}
                onDone={done}
                onStale={stale}
              />
            </WorkCard>
          )}
          {delivery && !delivery.allowedActions.includes('deliver') && (
            <Alert type="info" showIcon title={t('counter.delivery.elsewhere')} />
          )}
          {application && c.state === 'correction' && (
            <WorkCard title={t('counter.draft.title')} testId="counter-correct">
              <Button onClick={() => setCorrecting(true)}>{t('counter.draft.open')}</Button>
            </WorkCard>
          )}
          {c.state !== 'draft' && (
            <WorkCard title={t('counter.visit.title')} testId="counter-visit">
              <VisitForm
                detail={c}
                onDone={(next) => {
                  replace(next);
                  setStatus(
                    <Alert
                      type="success"
                      showIcon
                      className="ot-alert"
                      title={t('counter.visit.recorded', { n: next.trips })}
                    />,
                  );
                }}
              />
            </WorkCard>
          )}
        </>
      }
    />
  );
}

/** What the clerk just did, and the notice to print for it. */
function Outcome({ detail, action }: { detail: CaseDetail; action: StepAction }) {
  const t = useT();
  const notice =
    action === 'accept'
      ? 'acceptance'
      : action === 'request_correction'
        ? 'correction'
        : action === 'decline'
          ? 'decline'
          : null;
  const message =
    action === 'accept'
      ? t('counter.done.accept', { number: detail.number ?? '—' })
      : action === 'request_correction'
        ? t('counter.done.correction')
        : action === 'decline'
          ? t('counter.done.decline', { number: detail.number ?? '—' })
          : action === 'deliver'
            ? t('counter.done.deliver')
            : t('counter.done.other');
  return (
    <Alert
      type="success"
      showIcon
      className="ot-alert"
      data-testid="counter-outcome"
      title={message}
      description={notice && <NoticeLink caseId={detail.id} kind={notice} />}
    />
  );
}

/** A visit in person (handing in originals …): every one counts against 最多跑一次. */
function VisitForm({ detail, onDone }: { detail: CaseDetail; onDone: (next: CaseDetail) => void }) {
  const t = useT();
  const f = useFormatters();
  const name = useLocalName();
  const points = useServicePoints();
  const defaultPoint = useDefaultServicePoint();
  const [form] = Form.useForm<{ purpose: TripPurpose; servicePoint: string }>();
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (defaultPoint && !form.getFieldValue('servicePoint')) {
      form.setFieldValue('servicePoint', defaultPoint);
    }
  }, [defaultPoint, form]);
  const pointName = (key: string) => {
    const p = points.status === 'ready' ? points.data.find((x) => x.key === key) : undefined;
    return p ? name(p) : key;
  };

  const send = async (values: { purpose: TripPurpose; servicePoint: string }) => {
    setProblem(null);
    setSending(true);
    try {
      onDone(
        await api.post<CaseDetail>(`${casePath(detail.id)}/trips`, {
          purpose: values.purpose,
          servicePoint: values.servicePoint,
        }),
      );
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <p style={{ marginTop: 0 }}>
        <Trips trips={detail.trips} />
      </p>
      {detail.tripList.length > 0 && (
        <ul style={{ paddingInlineStart: 20 }} data-testid="counter-trips">
          {detail.tripList.map((trip, i) => (
            <li key={i}>
              {t('counter.visit.item', {
                purpose: tripPurposeLabel(t, trip.purpose),
                point: pointName(trip.servicePoint),
                when: f.dateTime(trip.at),
              })}
            </li>
          ))}
        </ul>
      )}
      <Form form={form} layout="vertical" onFinish={send} initialValues={{ purpose: 'materials' }}>
        <Form.Item name="purpose" label={t('counter.visit.purpose')} rules={[{ required: true }]}>
          <Select
            options={TRIP_PURPOSES.map((p) => ({ value: p, label: tripPurposeLabel(t, p) }))}
          />
        </Form.Item>
        <Form.Item
          name="servicePoint"
          label={t('case.act.servicePoint')}
          extra={t('counter.visit.pointHint')}
          rules={[{ required: true, message: t('case.act.servicePointRequired') }]}
        >
          <ServicePointSelect />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} className="ot-alert" />}
        <Button htmlType="submit" loading={sending}>
          {t('counter.visit.submit')}
        </Button>
      </Form>
    </>
  );
}
