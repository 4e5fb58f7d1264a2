import { Alert, Button, Input, Select, Tabs } from 'antd';
import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api';
import { caseStyles } from '../../cases/CaseLayout';
import { CaseTable } from '../../cases/CaseTable';
import type { CaseSummary, Page } from '../../cases/model';
import { query, useLoad } from '../../catalogue/useLoad';
import { useT } from '../../i18n';
import { usePageTitle } from '../../shell/pageTitle';

const PAGE = 20;
const TABS = ['submitted', 'correction', 'delivering'] as const;
type Tab = (typeof TABS)[number];

export const counterCasePath = (c: Pick<CaseSummary, 'id'>) =>
  `/counter/cases/${encodeURIComponent(c.id)}`;

/** The window's work: applications waiting at intake, waiting for a correction, and to hand out. */
export function CounterHome() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'submitted';
  usePageTitle(t('counter.title'));

  return (
    <section className="ot-wide" aria-labelledby="counter-title">
      <h2 id="counter-title">{t('counter.title')}</h2>
      <CaseSearch />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'submitted' ? {} : { tab: key }, { replace: true })}
        items={TABS.map((state) => ({
          key: state,
          label: t(`counter.tab.${state}`),
          children: <Queue state={state} />,
        }))}
      />
    </section>
  );
}

function Queue({ state }: { state: Tab }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const url = `/api/v1/cases${query({ state, order: 'oldest', limit: PAGE, offset: (page - 1) * PAGE })}`;
  const [list] = useLoad(url, (signal) => api.get<Page<CaseSummary>>(url, signal));
  if (list.status === 'error') return <Alert type="error" showIcon title={list.error.message} />;
  const data = list.status === 'ready' ? list.data : null;
  return (
    <>
      <p>{t(`counter.hint.${state}`)}</p>
      <CaseTable
        testId={`counter-queue-${state}`}
        caption={t(`counter.tab.${state}`)}
        rows={data?.data ?? []}
        loading={list.status === 'loading'}
        linkTo={counterCasePath}
        paging={{ page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage }}
      />
    </>
  );
}

type SearchBy = 'number' | 'residentId';

/** Find a case by its number, or every case of a resident by the resident ID. */
function CaseSearch() {
  const t = useT();
  const byId = useId();
  const textId = useId();
  const [by, setBy] = useState<SearchBy>('number');
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<{ by: SearchBy; text: string } | null>(null);
  const url = asked ? `/api/v1/cases${query({ [asked.by]: asked.text, limit: 50 })}` : null;
  const [found] = useLoad(url, (signal) => api.get<Page<CaseSummary>>(url!, signal));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = text.trim();
    setAsked(value ? { by, text: by === 'residentId' ? value.toUpperCase() : value } : null);
  };

  return (
    <section aria-labelledby="counter-search-title">
      <h3 id="counter-search-title" className="ot-visually-hidden">
        {t('counter.search.title')}
      </h3>
      <form role="search" className={caseStyles.toolbar} onSubmit={submit}>
        <div>
          <label htmlFor={byId}>{t('counter.search.by')}</label>
          <Select<SearchBy>
            id={byId}
            value={by}
            onChange={setBy}
            style={{ width: 160 }}
            options={[
              { value: 'number', label: t('counter.search.number') },
              { value: 'residentId', label: t('counter.search.residentId') },
            ]}
          />
        </div>
        <div>
          <label htmlFor={textId}>{t(`counter.search.${by}`)}</label>
          <Input
            id={textId}
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ width: 280 }}
            allowClear
            autoComplete="off"
          />
        </div>
        <Button type="primary" htmlType="submit">
          {t('counter.search.submit')}
        </Button>
      </form>
      {asked && found.status === 'error' && (
        <Alert type="error" showIcon title={found.error.message} className="ot-alert" />
      )}
      {asked && found.status === 'ready' && (
        <div data-testid="counter-search-results" style={{ marginBottom: 16 }}>
          <p role="status">{t('counter.search.found', { n: found.data.total })}</p>
          {found.data.total > 0 && (
            <CaseTable
              caption={t('counter.search.title')}
              rows={found.data.data}
              linkTo={counterCasePath}
            />
          )}
        </div>
      )}
    </section>
  );
}
