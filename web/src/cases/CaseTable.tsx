import { Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n';
import { Due, Trips } from './CaseFacts';
import { caseChannelLabel, caseStateLabel, useFormatters } from './labels';
import type { CaseSummary } from './model';
import { useLocalText } from './useLocalText';

export interface CaseTableProps {
  rows: CaseSummary[];
  /** Where a case opens. */
  linkTo: (c: CaseSummary) => string;
  loading?: boolean;
  /** Server-side paging; left out, the table shows every row. */
  paging?: { page: number; pageSize: number; total: number; onChange: (page: number) => void };
  caption?: string;
  testId?: string;
}

/** A list of cases: number, subject, applicant, state, channel, dates and trips. */
export function CaseTable({ rows, linkTo, loading, paging, caption, testId }: CaseTableProps) {
  const t = useT();
  const text = useLocalText();
  const f = useFormatters();
  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('case.facts.title'),
      key: 'title',
      render: (_, c) => <Link to={linkTo(c)}>{text.caseTitle(c)}</Link>,
    },
    {
      title: t('case.facts.number'),
      key: 'number',
      render: (_, c) => c.number ?? t('case.facts.noNumber'),
    },
    { title: t('case.facts.applicant'), dataIndex: 'applicantName' },
    { title: t('case.facts.state'), key: 'state', render: (_, c) => caseStateLabel(t, c.state) },
    {
      title: t('case.facts.channel'),
      key: 'channel',
      render: (_, c) => caseChannelLabel(t, c.channel),
    },
    {
      title: t('case.facts.submittedAt'),
      key: 'submittedAt',
      render: (_, c) => f.dateTime(c.submittedAt),
    },
    {
      title: t('case.facts.promisedDue'),
      key: 'promisedDue',
      render: (_, c) => <Due date={c.promisedDue} provisional={c.dueProvisional} />,
    },
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
      data-testid={testId}
      caption={caption ? <span className="ot-visually-hidden">{caption}</span> : undefined}
      onRow={(c) => ({ 'data-case': c.id }) as HTMLAttributes<HTMLElement>}
      pagination={
        paging
          ? {
              current: paging.page,
              pageSize: paging.pageSize,
              total: paging.total,
              showSizeChanger: false,
              onChange: paging.onChange,
            }
          : false
      }
      scroll={{ x: 'max-content' }}
    />
  );
}
