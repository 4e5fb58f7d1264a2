import { Alert, Input, Table, Tabs, type TableColumnsType } from 'antd';
import { useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../../api';
import {
  audienceLabel,
  itemTypeLabel,
  levelLabel,
  stageLabel,
  useLocalName,
} from '../../../catalogue/labels';
import {
  guidePath,
  type BundleSummary,
  type ItemSummary,
  type List,
} from '../../../catalogue/model';
import { query, useDebounced, useLoad } from '../../../catalogue/useLoad';
import { useT } from '../../../i18n';
import { usePageTitle } from '../../../shell/pageTitle';
import { ExcelTools } from './ExcelTools';

const PAGE = 20;

export function CatalogueList() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  // Bumped after an import so both tables fetch the new list.
  const [generation, setGeneration] = useState(0);
  const tab = params.get('tab') === 'bundles' ? 'bundles' : 'items';
  usePageTitle(t('admin.catalogue.title'));

  return (
    <section className="ot-admin-page" aria-labelledby="catalogue-title">
      <h2 id="catalogue-title">{t('admin.catalogue.title')}</h2>
      <ExcelTools onImported={() => setGeneration((n) => n + 1)} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'items' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'items',
            label: t('admin.catalogue.items'),
            children: <ItemsTable generation={generation} />,
          },
          {
            key: 'bundles',
            label: t('admin.catalogue.bundles'),
            children: <BundlesTable generation={generation} />,
          },
        ]}
      />
    </section>
  );
}

/** A server-side searched, paged list: search restarts at page 1. */
function usePagedList<T>(path: string, generation: number) {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const settled = useDebounced(q.trim(), 300);
  const url = `${path}${query({ q: settled, limit: PAGE, offset: (page - 1) * PAGE })}`;
  const [state] = useLoad(`${url}#${generation}`, (signal) => api.get<List<T>>(url, signal));
  const search = (value: string) => {
    setQ(value);
    setPage(1);
  };
  return { q, search, page, setPage, state };
}

function SearchBox({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const id = useId();
  return (
    <div className="ot-admin-search">
      <label htmlFor={id}>{label}</label>
      <Input
        id={id}
        type="search"
        allowClear
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

function ItemsTable({ generation }: { generation: number }) {
  const t = useT();
  const name = useLocalName();
  const list = usePagedList<ItemSummary>('/api/v1/items', generation);
  const columns: TableColumnsType<ItemSummary> = [
    {
      title: t('admin.items.name'),
      key: 'name',
      render: (_, r) => (
        <Link to={`/admin/catalogue/items/${encodeURIComponent(r.key)}`}>{name(r)}</Link>
      ),
    },
    { title: t('guide.department'), key: 'department', render: (_, r) => name(r.department) },
    { title: t('admin.items.type'), key: 'type', render: (_, r) => itemTypeLabel(t, r.type) },
    {
      title: t('admin.items.days'),
      key: 'days',
      render: (_, r) => `${r.promisedDays} / ${r.statutoryDays}`,
    },
    { title: t('guide.trips'), dataIndex: 'visits' },
    {
      title: t('admin.items.levels'),
      key: 'levels',
      render: (_, r) => r.handlingLevels.map((l) => levelLabel(t, l)).join(t('user.listSeparator')),
    },
    {
      title: t('admin.guide'),
      key: 'guide',
      render: (_, r) => <Link to={guidePath('item', r.key)}>{t('admin.viewGuide')}</Link>,
    },
  ];
  return (
    <>
      <SearchBox label={t('admin.items.search')} value={list.q} onChange={list.search} />
      <PagedTable list={list} columns={columns} />
    </>
  );
}

function BundlesTable({ generation }: { generation: number }) {
  const t = useT();
  const name = useLocalName();
  const list = usePagedList<BundleSummary>('/api/v1/bundles', generation);
  const columns: TableColumnsType<BundleSummary> = [
    {
      title: t('admin.bundles.name'),
      key: 'name',
      render: (_, r) => (
        <Link to={`/admin/catalogue/bundles/${encodeURIComponent(r.key)}`}>{name(r)}</Link>
      ),
    },
    {
      title: t('admin.bundles.audience'),
      key: 'audience',
      render: (_, r) => audienceLabel(t, r.audience),
    },
    {
      title: t('admin.bundles.stage'),
      key: 'stage',
      render: (_, r) => stageLabel(t, r.audience, r.stage),
    },
    { title: t('admin.bundles.promisedDays'), dataIndex: 'promisedDays' },
    { title: t('admin.bundles.itemCount'), dataIndex: 'itemCount' },
    {
      title: t('admin.guide'),
      key: 'guide',
      render: (_, r) => <Link to={guidePath('bundle', r.key)}>{t('admin.viewGuide')}</Link>,
    },
  ];
  return (
    <>
      <SearchBox label={t('admin.bundles.search')} value={list.q} onChange={list.search} />
      <PagedTable list={list} columns={columns} />
    </>
  );
}

function PagedTable<T extends { key: string }>({
  list,
  columns,
}: {
  list: ReturnType<typeof usePagedList<T>>;
  columns: TableColumnsType<T>;
}) {
  const { state, page, setPage } = list;
  // The previous page stays on screen while the next loads, so the table does not collapse.
  const shown = useRef<List<T> | null>(null);
  if (state.status === 'ready') shown.current = state.data;
  if (state.status === 'error') return <Alert type="error" showIcon title={state.error.message} />;
  return (
    <Table<T>
      rowKey="key"
      size="middle"
      columns={columns}
      loading={state.status === 'loading'}
      dataSource={shown.current?.data ?? []}
      pagination={{
        current: page,
        pageSize: PAGE,
        total: shown.current?.total ?? 0,
        showSizeChanger: false,
        onChange: setPage,
      }}
    />
  );
}
