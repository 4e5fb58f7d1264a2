import { Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Due } from '../../cases/CaseFacts';
import { caseChannelLabel, useFormatters } from '../../cases/labels';
import type { TaskRow } from '../../cases/model';
import { SlaTag } from '../../cases/SlaTag';
import { useT } from '../../i18n';
import { reviewCasePath } from './roles';

export interface TaskTableProps {
  rows: TaskRow[];
  loading?: boolean;
  paging?: { page: number; pageSize: number; total: number; onChange: (page: number) => void };
  caption: string;
  testId?: string;
  /** The owning unit's name (supervisors see every unit). */
  unitName?: (code: string | null) => string;
  /** An extra last column (the supervisor's reassign button). */
  action?: { title: string; render: (row: TaskRow) => ReactNode };
}

/** Open and paused steps, soonest deadline first, each with its SLA light in words. */
export function TaskTable({
  rows,
  loading,
  paging,
  caption,
  testId,
  unitName,
  action,
}: TaskTableProps) {
  const t = useT();
  const f = useFormatters();
  const columns: TableColumnsType<TaskRow> = [
    {
      title: t('review.col.sla'),
      key: 'sla',
      render: (_, r) => <SlaTag sla={r.sla} paused={r.state === 'paused'} />,
    },
    {
      title: t('review.col.due'),
      key: 'due',
      render: (_, r) => <Due date={r.due} provisional={r.dueProvisional} />,
    },
    {
      title: t('review.col.case'),
      key: 'case',
      render: (_, r) => (
        <Link to={reviewCasePath(r.case.id, r.id)}>
          {r.case.title}
          <span style={{ display: 'block', fontSize: 13 }}>
            {r.case.number ?? t('case.facts.noNumber')}
          </span>
        </Link>
      ),
    },
    { title: t('review.col.step'), dataIndex: 'name' },
    ...(unitName
      ? [
          {
            title: t('review.col.unit'),
            key: 'unit',
            render: (_: unknown, r: TaskRow) => unitName(r.ownerUnit),
          },
        ]
      : []),
    { title: t('case.facts.applicant'), key: 'applicant', render: (_, r) => r.case.applicantName },
    {
      title: t('case.facts.channel'),
      key: 'channel',
      render: (_, r) => caseChannelLabel(t, r.case.channel),
    },
    { title: t('review.col.opened'), key: 'opened', render: (_, r) => r.openedOn ?? '—' },
    {
      title: t('case.facts.submittedAt'),
      key: 'submitted',
      render: (_, r) => f.dateTime(r.case.submittedAt),
    },
    ...(action
      ? [
          {
            title: action.title,
            key: 'action',
            render: (_: unknown, r: TaskRow) => action.render(r),
          },
        ]
      : []),
  ];
  return (
    <Table<TaskRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      data-testid={testId}
      caption={<span className="ot-visually-hidden">{caption}</span>}
      onRow={(r) =>
        ({ 'data-case': r.case.id, 'data-step': r.stepKey }) as HTMLAttributes<HTMLElement>
      }
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
