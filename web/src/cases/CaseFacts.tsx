import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { useLocalName } from '../catalogue/labels';
import {
  caseChannelLabel,
  caseStateLabel,
  deliveryMethodLabel,
  outcomeLabel,
  useFormatters,
} from './labels';
import { useServicePoints } from './useServicePoints';
import type { CaseDetail, CaseSummary } from './model';
import { SlaTag } from './SlaTag';
import { useLocalText } from './useLocalText';

export interface CaseFactsProps {
  /** A case summary or detail. */
  detail: CaseSummary;
}

/** A deadline, marked 'provisional' when it runs past the published holiday data. */
export function Due({ date, provisional }: { date: string | null; provisional: boolean }) {
  const t = useT();
  if (!date) return <>—</>;
  return (
    <>
      {date}
      {provisional && (
        <Tag
          style={{ marginInlineStart: 8, color: '#5c3200', background: '#fffbe6' }}
          title={t('case.facts.provisionalHint')}
        >
          {t('case.facts.provisional')}
        </Tag>
      )}
      {provisional && <span className="ot-visually-hidden">{t('case.facts.provisionalHint')}</span>}
    </>
  );
}

/** Trips in words: 跑零次 where the applicant never had to come. */
export function Trips({ trips }: { trips: number }) {
  const t = useT();
  return trips === 0 ? (
    <Tag style={{ color: '#135200', background: '#f6ffed', borderColor: '#95de64' }}>
      {t('case.facts.zeroTrip')}
    </Tag>
  ) : (
    <>{t('case.facts.trips', { n: trips })}</>
  );
}

/** The case at a glance: number, subject, applicant, state, acceptance, promised date, trips. */
export function CaseFacts({ detail: c }: CaseFactsProps) {
  const t = useT();
  const text = useLocalText();
  const f = useFormatters();
  const name = useLocalName();
  const points = useServicePoints();
  const pointName = (key: string) => {
    const p = points.status === 'ready' ? points.data.find((x) => x.key === key) : undefined;
    return p ? name(p) : key;
  };
  const running = c.state === 'in_review' || c.state === 'correction';
  const facts: [string, string, ReactNode][] = [
    ['number', t('case.facts.number'), c.number ?? t('case.facts.noNumber')],
    ['title', t('case.facts.title'), text.caseTitle(c)],
    ['applicant', t('case.facts.applicant'), c.applicantName],
    [
      'state',
      t('case.facts.state'),
      <>
        {caseStateLabel(t, c.state)}
        {c.outcome && ` · ${outcomeLabel(t, c.outcome)}`}
      </>,
    ],
    ['channel', t('case.facts.channel'), caseChannelLabel(t, c.channel)],
    ['submitted', t('case.facts.submittedAt'), f.dateTime(c.submittedAt)],
    ['accepted', t('case.facts.acceptedOn'), c.acceptedOn ?? '—'],
    [
      'promised',
      t('case.facts.promisedDue'),
      <>
        <Due date={c.promisedDue} provisional={c.dueProvisional} />
        {running && c.promisedDue && c.sla && (
          <span style={{ marginInlineStart: 8 }}>
            <SlaTag sla={c.sla} paused={c.state === 'correction'} />
          </span>
        )}
      </>,
    ],
    ['statutory', t('case.facts.statutoryDue'), c.statutoryDue ?? '—'],
    ['trips', t('case.facts.tripsLabel'), <Trips trips={c.trips} />],
  ];
  const delivery = 'delivery' in c ? (c as CaseDetail).delivery : null;
  const choice = 'deliveryChoice' in c ? (c as CaseDetail).deliveryChoice : null;
  if (choice && !delivery) {
    facts.push([
      'deliveryChoice',
      t('apply.delivery.chosen'),
      <>
        {deliveryMethodLabel(t, choice.method)}
        {choice.method === 'post' && choice.post && ` · ${t('apply.delivery.to', choice.post)}`}
        {choice.method === 'pickup' &&
          ` · ${
            choice.servicePoint
              ? t('apply.delivery.at', { point: pointName(choice.servicePoint) })
              : t('apply.delivery.atWindow')
          }`}
      </>,
    ]);
  }
  if (delivery) {
    facts.push([
      'delivery',
      t('case.facts.delivery'),
      <>
        {deliveryMethodLabel(t, delivery.method)}
        {delivery.trackingNumber &&
          ` · ${t('case.facts.tracking', { n: delivery.trackingNumber })}`}
        {delivery.servicePoint && ` · ${pointName(delivery.servicePoint)}`}
      </>,
    ]);
  }
  return (
    <dl className="ot-facts" data-testid="case-facts">
      {facts.map(([key, label, value]) => (
        <div key={key} style={{ display: 'contents' }} data-fact={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
