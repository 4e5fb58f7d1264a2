import { Alert, Button, Table, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../api';
import { useApi, useLoad } from '../../../catalogue/useLoad';
import { Due, Trips } from '../../../cases/CaseFacts';
import { caseStateLabel, useFormatters } from '../../../cases/labels';
import type { CaseSummary, Page } from '../../../cases/model';
import { messageText, type InboxMessage } from '../../../cases/localText';
import { SlaTag } from '../../../cases/SlaTag';
import { useLocalText } from '../../../cases/useLocalText';
import { useLocale, useT } from '../../../i18n';
import { usePageTitle } from '../../../shell/pageTitle';
import { useCaseRoutes } from './paths';
import styles from './portal-cases.module.css';

const PAGE_SIZE = 20;

interface Notification extends InboxMessage {
  id: string;
  caseId: string | null;
  createdAt: string;
  read: boolean;
}

/** The SLA light where a clock runs: under review, or stopped for a correction. */
export function CaseSla({ c }: { c: Pick<CaseSummary, 'state' | 'sla' | 'promisedDue'> }) {
  if (c.state === 'correction') return <SlaTag sla={c.sla} paused />;
  if (c.state === 'in_review' && c.promisedDue) return <SlaTag sla={c.sla} />;
  return <>—</>;
}

/** /cases: my applications, newest first, and my latest messages. */
export function MyCases() {
  const t = useT();
  const routes = useCaseRoutes();
  usePageTitle(t('apply.mine.title'));
  const [page, setPage] = useState(1);
  const path = `/api/v1/cases?limit=${PAGE_SIZE}&offset=${(page - 1) * PAGE_SIZE}`;
  const [state] = useLoad(path, (signal) => api.get<Page<CaseSummary>>(path, signal));
  const rows = state.status === 'ready' ? state.data.data : [];

  return (
    <section aria-labelledby="mine-title">
      <nav className="ot-back" aria-label={t('guide.breadcrumb')}>
        <Link to={routes.home}>{t(routes.homeLabel)}</Link>
      </nav>
      <h2 id="mine-title">{t('apply.mine.title')}</h2>
      <p className="ot-note">{t('apply.mine.intro')}</p>
      {state.status === 'error' && (
        <Alert className="ot-alert" type="error" showIcon title={state.error.message} />
      )}
      {state.status === 'ready' && state.data.total === 0 ? (
        <p data-testid="my-cases-empty">
          {t('apply.mine.empty')} <Link to={routes.home}>{t('apply.mine.findService')}</Link>
        </p>
      ) : (
        <CasesTable
          rows={rows}
          loading={state.status === 'loading'}
          total={state.status === 'ready' ? state.data.total : 0}
          page={page}
          onPage={setPage}
        />
      )}
      <Inbox />
    </section>
  );
}

function CasesTable({
  rows,
  loading,
  total,
  page,
  onPage,
}: {
  rows: CaseSummary[];
  loading: boolean;
  total: number;
  page: number;
  onPage: (page: number) => void;
}) {
  const t = useT();
  const routes = useCaseRoutes();
  const text = useLocalText();
  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('case.facts.title'),
      key: 'title',
      render: (_, c) => (
        <>
          <Link to={routes.case(c.id)}>{text.caseTitle(c)}</Link>
          {(c.state === 'draft' || c.state === 'correction') && (
            <span className={styles.meta}>
              {c.state === 'draft' ? t('apply.mine.continueDraft') : t('apply.mine.toCorrect')}
            </span>
          )}
        </>
      ),
    },
    {
      title: t('case.facts.number'),
      key: 'number',
      render: (_, c) => <span className="ot-nowrap">{c.number ?? '—'}</span>,
    },
    {
      title: t('case.facts.state'),
      key: 'state',
      render: (_, c) => <span data-state={c.state}>{caseStateLabel(t, c.state)}</span>,
    },
    {
      title: t('case.facts.promisedDue'),
      key: 'promisedDue',
      render: (_, c) => <Due date={c.promisedDue} provisional={c.dueProvisional} />,
    },
    { title: t('case.steps.sla'), key: 'sla', render: (_, c) => <CaseSla c={c} /> },
    {
      title: t('case.facts.tripsLabel'),
      key: 'trips',
      render: (_, c) => <Trips trips={c.trips} />,
    },
  ];
  return (
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      data-testid="my-cases"
      caption={<span className="ot-visually-hidden">{t('apply.mine.caption')}</span>}
      onRow={(c) => ({ 'data-case': c.id }) as HTMLAttributes<HTMLElement>}
      pagination={
        total > PAGE_SIZE
          ? {
              current: page,
              pageSize: PAGE_SIZE,
              total,
              showSizeChanger: false,
              onChange: onPage,
            }
          : false
      }
      scroll={{ x: 'max-content' }}
    />
  );
}

/** The latest messages about my cases (受理, 补正, 办结 …), each opening its case. */
export function Inbox() {
  const t = useT();
  const { locale } = useLocale();
  const routes = useCaseRoutes();
  const f = useFormatters();
  const [state] = useApi<Page<Notification>>('/api/v1/notifications?limit=5');
  // Read here and now: shown so at once, whatever the server answers later.
  const [readNow, setReadNow] = useState<ReadonlySet<string>>(() => new Set());
  if (state.status !== 'ready' || state.data.total === 0) return null;
  const messages = state.data.data.map((n) => ({ ...n, read: n.read || readNow.has(n.id) }));
  const unread = messages.filter((n) => !n.read).map((n) => n.id);
  const markRead = (ids: string[]) => {
    if (!ids.length) return;
    setReadNow((prev) => new Set([...prev, ...ids]));
    api
      .post('/api/v1/notifications/read', { ids })
      .catch(() => setReadNow((prev) => new Set([...prev].filter((id) => !ids.includes(id)))));
  };
  return (
    <section className={styles.section} aria-labelledby="inbox-title">
      <h3 id="inbox-title">{t('apply.inbox.title')}</h3>
      {unread.length > 0 && (
        <Button type="link" className={styles.markRead} onClick={() => markRead(unread)}>
          {t('apply.inbox.markAllRead')}
        </Button>
      )}
      <ul className={styles.list} data-testid="my-notifications">
        {messages.map((n) => {
          const text = messageText(locale, n, (kind) => t(`apply.inbox.kind.${kind}`));
          return (
            <li
              key={n.id}
              data-kind={n.kind ?? undefined}
              data-read={n.read}
              className={n.read ? undefined : styles.unread}
            >
              {!n.read && <span className={styles.newTag}>{t('apply.inbox.new')}</span>}
              <strong>
                {n.caseId ? (
                  <Link to={routes.case(n.caseId)} onClick={() => !n.read && markRead([n.id])}>
                    {text.title}
                  </Link>
                ) : (
                  text.title
                )}
              </strong>
              <span className={styles.meta}>{f.dateTime(n.createdAt)}</span>
              <span>{text.body}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
