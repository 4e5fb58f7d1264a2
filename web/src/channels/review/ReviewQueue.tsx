import { Alert, Radio } from 'antd';
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api';
import { slaLabel } from '../../cases/labels';
import type { Page, TaskRow } from '../../cases/model';
import { query, useLoad } from '../../catalogue/useLoad';
import { useT } from '../../i18n';
import { usePageTitle } from '../../shell/pageTitle';
import { useHasRole } from './roles';
import { TaskTable } from './TaskTable';

const PAGE = 20;
const FILTERS = ['all', 'red', 'yellow', 'green', 'paused'] as const;
type Filter = (typeof FILTERS)[number];

/** My queue: the steps waiting for me (supervisors: for anyone), soonest deadline first. */
export function ReviewQueue() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filter: Filter = FILTERS.find((f) => f === params.get('sla')) ?? 'all';
  const [page, setPage] = useState(1);
  const supervisor = useHasRole('supervisor');
  const filterId = useId();
  usePageTitle(t('review.title'));

  const url = `/api/v1/tasks${query({
    assignee: 'me',
    sla: filter === 'red' || filter === 'yellow' || filter === 'green' ? filter : undefined,
    state: filter === 'paused' ? 'paused' : undefined,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  })}`;
  const [list] = useLoad(url, (signal) => api.get<Page<TaskRow>>(url, signal));
  const data = list.status === 'ready' ? list.data : null;

  return (
    <section className="ot-wide" aria-labelledby="review-title">
      <h2 id="review-title">{t('review.title')}</h2>
      {supervisor && (
        <p>
          <Link to="/review/supervise">{t('review.toSupervise')}</Link>
        </p>
      )}
      <p>{t(supervisor ? 'review.hintSupervisor' : 'review.hint')}</p>
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: 8,
          margin: '12px 0',
        }}
      >
        <span id={filterId} style={{ fontWeight: 600 }}>
          {t('review.filter')}
        </span>
        <Radio.Group
          aria-labelledby={filterId}
          optionType="button"
          value={filter}
          onChange={(e) => {
            setPage(1);
            const next = e.target.value as Filter;
            setParams(next === 'all' ? {} : { sla: next }, { replace: true });
          }}
          options={FILTERS.map((f) => ({
            value: f,
            label:
              f === 'all'
                ? t('review.filter.all')
                : f === 'paused'
                  ? slaLabel(t, null, true)
                  : slaLabel(t, f),
          }))}
        />
      </div>
      {list.status === 'error' ? (
        <Alert type="error" showIcon title={list.error.message} />
      ) : (
        <>
          <p role="status">{data && t('review.count', { n: data.total })}</p>
          <TaskTable
            testId="review-queue"
            caption={t('review.title')}
            rows={data?.data ?? []}
            loading={list.status === 'loading'}
            paging={{ page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage }}
          />
        </>
      )}
    </section>
  );
}
