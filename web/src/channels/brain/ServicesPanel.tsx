import { Table } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api';
import { query, useLoad } from '../../catalogue/useLoad';
import { useLocale, useT, type MessageKey } from '../../i18n';
import styles from './brain.module.css';
import { Chart, type ChartOption } from './Chart';
import type { ServicesView } from './model';
import { Breadcrumb, Card, FigureCard, nameOf, whenReady } from './parts';

const CHANNELS = ['web', 'mobile', 'kiosk', 'counter', 'system'];

interface Props {
  from: string;
  to: string;
  /** Changes to reload (the big screen's auto-refresh). */
  refresh: number;
  dark: boolean;
  big: boolean;
}

/** 政务服务: figures, cases by day, channel and street, rates, departments, overdue list. */
export function ServicesPanel({ from, to, refresh, dark, big }: Props) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const street = params.get('street') ?? undefined;
  const subject = params.get('subject') ?? undefined;
  const url = `/api/v1/brain/services${query({ from, to, street, subject })}`;
  const [state, retry] = useLoad(`${url}#${refresh}`, (signal) =>
    api.get<ServicesView>(url, signal),
  );
  const drill = (next: { street?: string | null; subject?: string | null }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === undefined) p.delete(k);
      else p.set(k, v);
    }
    setParams(p, { replace: false });
  };

  return (
    <>
      {whenReady(
        state,
        retry,
        (v) => (
          <ServicesBody
            v={v}
            dark={dark}
            big={big}
            onStreet={(code) => drill({ street: code, subject: null })}
            onSubject={(code) => drill({ subject: code })}
            onUp={(level) =>
              drill(level === 'district' ? { street: null, subject: null } : { subject: null })
            }
          />
        ),
        <p role="status">{t('app.loading')}</p>,
      )}
    </>
  );
}

function ServicesBody({
  v,
  dark,
  big,
  onStreet,
  onSubject,
  onUp,
}: {
  v: ServicesView;
  dark: boolean;
  big: boolean;
  onStreet: (code: string) => void;
  onSubject: (code: string) => void;
  onUp: (level: 'district' | 'street') => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const d = v.definitions;
  const streetRow = v.filter.street !== null ? v.byStreet[0] : undefined;
  const subjectRow =
    v.filter.subject !== null
      ? v.bySubject.find((s) => s.subject.code === v.filter.subject)
      : undefined;
  const chartHeight = big ? 150 : 260;

  const dayOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: v.byDay.map((x) => x.day.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: (['submitted', 'accepted', 'completed'] as const).map((k) => ({
        type: 'line',
        name: t(`brain.series.${k}`),
        showSymbol: false,
        smooth: true,
        data: v.byDay.map((x) => x[k]),
      })),
    }),
    [v, t],
  );

  const channelOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      xAxis: {
        type: 'category',
        data: v.byChannel.map((c) =>
          CHANNELS.includes(c.channel) ? t(`brain.channel.${c.channel}` as MessageKey) : c.channel,
        ),
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: (['submitted', 'completed'] as const).map((k) => ({
        type: 'bar',
        barMaxWidth: 28,
        name: t(`brain.series.${k}`),
        data: v.byChannel.map((c) => c[k]),
      })),
    }),
    [v, t],
  );

  // The district: every street; a street: its items (the next level down).
  const bars = streetRow
    ? v.bySubject.slice(0, 12).map((s) => ({ label: nameOf(locale, s.subject), row: s }))
    : v.byStreet.map((s) => ({ label: nameOf(locale, s.street), row: s }));
  const barOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((b) => b.label),
        axisLabel: { width: big ? 150 : 130, overflow: 'truncate' },
      },
      series: (['submitted', 'completed'] as const).map((k) => ({
        type: 'bar',
        barMaxWidth: 28,
        name: t(`brain.series.${k}`),
        data: bars.map((b) => b.row[k]),
      })),
    }),
    [bars, t, big],
  );

  const rateRows = streetRow ? v.bySubject.slice(0, 12) : v.byStreet;
  const rateOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (x) => (x === null ? '—' : `${x}%`) },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: rateRows.map((r) => nameOf(locale, 'street' in r ? r.street : r.subject)),
        axisLabel: { rotate: 35, width: 90, overflow: 'truncate' },
      },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: (['onTimeRate', 'zeroTripRate'] as const).map((k) => ({
        type: 'bar',
        barMaxWidth: 28,
        name: t(`brain.series.${k}`),
        data: rateRows.map((r) => (r[k] === null ? null : Math.round(r[k]! * 1000) / 10)),
      })),
    }),
    [rateRows, t, locale],
  );

  const departments = v.byDepartment.slice(0, big ? 7 : 12);
  const deptOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 5 },
      yAxis: {
        type: 'category',
        inverse: true,
        // Department names start with the city's and the district's: the chart shows the rest.
        data: departments.map((x) =>
          nameOf(locale, x.department)
            .replace(/^杭州市(西湖区)?/, '')
            .replace(/^西湖区/, ''),
        ),
        axisLabel: { width: 130, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          name: t('brain.department.satisfaction'),
          data: departments.map((x) =>
            x.satisfaction === null ? null : Math.round(x.satisfaction * 100) / 100,
          ),
        },
        {
          type: 'bar',
          barMaxWidth: 28,
          name: `${t('brain.department.badRate')} (×5)`,
          data: departments.map((x) =>
            x.badRate === null ? null : Math.round(x.badRate * 500) / 100,
          ),
        },
      ],
    }),
    [departments, t, locale],
  );

  const steps = [
    { label: t('brain.drill.district'), onClick: streetRow ? () => onUp('district') : undefined },
    ...(streetRow
      ? [
          {
            label: nameOf(locale, streetRow.street),
            onClick: subjectRow ? () => onUp('street') : undefined,
          },
        ]
      : []),
    ...(subjectRow ? [{ label: nameOf(locale, subjectRow.subject) }] : []),
  ];

  return (
    <div className={styles.dashboard} data-testid="services-panel">
      <Breadcrumb steps={steps} />
      <div className={styles.figures}>
        {v.figures.map((f) => (
          <FigureCard key={f.key} figure={f} />
        ))}
      </div>
      <div className={styles.grid}>
        <Card definition={d['byDay']!} testId="chart-by-day" wide={!big}>
          <Chart
            option={dayOption}
            label={nameOf(locale, d['byDay']!)}
            height={chartHeight}
            dark={dark}
          />
        </Card>
        <Card definition={d['byChannel']!} testId="chart-by-channel">
          <Chart
            option={channelOption}
            label={nameOf(locale, d['byChannel']!)}
            height={chartHeight}
            dark={dark}
          />
        </Card>
        <Card
          definition={streetRow ? d['bySubject']! : d['byStreet']!}
          hint={subjectRow ? undefined : t('brain.drill.hint')}
          testId={streetRow ? 'chart-by-subject' : 'chart-by-street'}
        >
          <Chart
            option={barOption}
            label={nameOf(locale, streetRow ? d['bySubject']! : d['byStreet']!)}
            height={big ? 200 : Math.max(chartHeight, bars.length * 22 + 50)}
            dark={dark}
            testId="drill-chart"
            onClick={(i) => {
              const b = bars[i];
              if (!b) return;
              if ('street' in b.row) onStreet(b.row.street.code);
              else if (!subjectRow) onSubject(b.row.subject.code);
            }}
          />
          {/* The same drill-down without a pointer: one button per bar. */}
          <div className={styles.breadcrumb} data-testid="drill-links" hidden={big}>
            {!subjectRow &&
              bars.map((b) => (
                <button
                  key={'street' in b.row ? b.row.street.code : b.row.subject.code}
                  type="button"
                  onClick={() =>
                    'street' in b.row ? onStreet(b.row.street.code) : onSubject(b.row.subject.code)
                  }
                >
                  {b.label}
                </button>
              ))}
          </div>
        </Card>
        <Card definition={d['onTimeRate']!} testId="chart-rates">
          <Chart
            option={rateOption}
            label={t('brain.rates.title')}
            height={big ? 200 : chartHeight}
            dark={dark}
          />
        </Card>
        <Card definition={d['byDepartment']!} testId="chart-by-department">
          {departments.length ? (
            <Chart
              option={deptOption}
              label={nameOf(locale, d['byDepartment']!)}
              height={big ? chartHeight : Math.max(chartHeight, departments.length * 26 + 60)}
              dark={dark}
            />
          ) : (
            <p>{t('brain.department.empty')}</p>
          )}
        </Card>
        <Card
          definition={d['openOverdue']!}
          wide={big ? false : 'full'}
          testId="overdue-list"
          hint={
            v.overdue.total > v.overdue.data.length
              ? t('brain.overdue.more', { total: v.overdue.total, shown: v.overdue.data.length })
              : undefined
          }
        >
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ y: big ? 150 : 260 }}
            dataSource={v.overdue.data}
            locale={{ emptyText: t('brain.overdue.empty') }}
            columns={[
              { title: t('brain.overdue.number'), dataIndex: 'number', width: 185 },
              { title: t('brain.overdue.title'), dataIndex: 'title', ellipsis: true },
              ...(big
                ? []
                : [
                    {
                      title: t('brain.overdue.street'),
                      key: 'street',
                      width: 96,
                      render: (_: unknown, r: ServicesView['overdue']['data'][number]) =>
                        nameOf(locale, r.street),
                    },
                    { title: t('brain.overdue.promisedDue'), dataIndex: 'promisedDue', width: 104 },
                  ]),
              {
                title: t('brain.overdue.daysOverdue'),
                dataIndex: 'daysOverdue',
                width: 84,
                align: 'right',
              },
            ]}
          />
        </Card>
      </div>
      <p className={styles.hint} data-testid="services-period">
        {t('brain.period.range', { from: v.period.from, to: v.period.to })}
      </p>
    </div>
  );
}
