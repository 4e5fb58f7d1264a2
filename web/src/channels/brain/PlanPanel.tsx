import { Select, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api';
import { query, useLoad } from '../../catalogue/useLoad';
import { useLocale, useT } from '../../i18n';
import styles from './brain.module.css';
import { Chart, type ChartOption } from './Chart';
import { STATUSES, type PlanNode, type PlanView, type Target } from './model';
import { Breadcrumb, Card, DemoTag, FigureCard, nameOf, percent, whenReady } from './parts';

interface Props {
  refresh: number;
  dark: boolean;
  big: boolean;
}

const pct100 = (v: number | null) => (v === null ? 0 : Math.round(v * 1000) / 10);

/** 发展规划: goal-tree progress with drill-down, projects by area and status, investment, slippage. */
export function PlanPanel({ refresh, dark, big }: Props) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const plan = params.get('plan') ?? undefined;
  const url = `/api/v1/brain/plan${query({ plan })}`;
  const [state, retry] = useLoad(`${url}#${refresh}`, (signal) => api.get<PlanView>(url, signal));
  const set = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null) p.delete(k);
      else p.set(k, v);
    }
    setParams(p);
  };
  return (
    <>
      {whenReady(
        state,
        retry,
        (v) => (
          <PlanBody
            v={v}
            dark={dark}
            big={big}
            nodeKey={params.get('node')}
            targetKey={params.get('target')}
            area={params.get('area')}
            set={set}
          />
        ),
        <p role="status">{t('app.loading')}</p>,
      )}
    </>
  );
}

function findPath(root: PlanNode, key: string | null): PlanNode[] {
  if (!key) return [];
  for (const c of root.children) {
    if (c.key === key) return [c];
    const below = findPath(c, key);
    if (below.length) return [c, ...below];
  }
  return [];
}

function PlanBody({
  v,
  dark,
  big,
  nodeKey,
  targetKey,
  area,
  set,
}: {
  v: PlanView;
  dark: boolean;
  big: boolean;
  nodeKey: string | null;
  targetKey: string | null;
  area: string | null;
  set: (next: Record<string, string | null>) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const d = v.definitions;
  const path = findPath(v.tree, nodeKey);
  const node = path.at(-1) ?? v.tree;
  const target = targetKey ? node.targets.find((x) => x.key === targetKey) : undefined;
  const chartHeight = big ? 160 : 260;

  // The level shown: the node's children, then its own targets.
  const bars: {
    label: string;
    progress: number | null;
    demo: boolean;
    node?: PlanNode;
    target?: Target;
  }[] = [
    ...node.children.map((c) => ({
      label: nameOf(locale, c),
      progress: c.progress,
      demo: c.demo,
      node: c,
    })),
    ...node.targets.map((x) => ({
      label: nameOf(locale, x),
      progress: x.progress,
      demo: x.demo,
      target: x,
    })),
  ];
  const progressOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (x) => `${x}%` },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((b) => (b.demo ? `${b.label} *` : b.label)),
        axisLabel: { width: big ? 170 : 200, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          name: t('brain.plan.target.progress'),
          data: bars.map((b) => pct100(b.progress)),
          label: { show: true, position: 'right', formatter: '{c}%', fontSize: big ? 11 : 12 },
        },
      ],
    }),
    [bars, t, big],
  );

  const areas = v.projects.byArea;
  const areaOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: areas.map((a) => nameOf(locale, a)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: STATUSES.map((s) => ({
        type: 'bar',
        barMaxWidth: 28,
        stack: 'status',
        name: t(`brain.plan.status.${s}`),
        data: areas.map((a) => a.byStatus[s]),
      })),
    }),
    [areas, t, locale],
  );
  const investmentOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 24, containLabel: true },
      xAxis: { type: 'category', data: areas.map((a) => nameOf(locale, a)) },
      yAxis: { type: 'value', name: t('brain.plan.investment.unit') },
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          name: t('brain.plan.investment.plan'),
          data: areas.map((a) => a.annualInvestmentPlan),
        },
        {
          type: 'bar',
          barMaxWidth: 28,
          name: t('brain.plan.investment.done'),
          data: areas.map((a) => a.annualInvestmentDone),
        },
      ],
    }),
    [areas, t, locale],
  );

  const figures = v.figures;
  const projects = area ? v.projects.list.filter((p) => p.area === area) : [];
  const areaRow = areas.find((a) => a.area === area);

  const steps = [
    {
      label: nameOf(locale, v.plan),
      onClick: path.length || target ? () => set({ node: null, target: null }) : undefined,
    },
    ...path.map((n, i) => ({
      label: nameOf(locale, n),
      onClick: i < path.length - 1 || target ? () => set({ node: n.key, target: null }) : undefined,
    })),
    ...(target ? [{ label: nameOf(locale, target) }] : []),
  ];

  return (
    <div className={styles.dashboard} data-testid="plan-panel">
      <div className={styles.toolbar}>
        {!big && v.plans.length > 1 && (
          <Select
            aria-label={t('brain.plan.select')}
            value={v.plan.key}
            style={{ minWidth: 260 }}
            options={v.plans.map((p) => ({ value: p.key, label: nameOf(locale, p) }))}
            onChange={(key) => set({ plan: key, node: null, target: null, area: null })}
          />
        )}
        {v.plan.demo && (
          <span className={styles.demoNote}>
            <DemoTag /> {t('brain.demo.hint')}
          </span>
        )}
      </div>
      <div className={styles.figures}>
        {figures.map((f) => (
          <FigureCard
            key={f.key}
            figure={f}
            {...(f.key === 'targetsMet' || f.key === 'targetsReported'
              ? { total: v.targetCount }
              : {})}
          />
        ))}
      </div>
      <div className={styles.grid}>
        <Card
          definition={d['targetProgress']!}
          hint={t('brain.drill.hint')}
          testId="chart-plan-tree"
        >
          <Breadcrumb steps={steps} />
          {target ? (
            <TargetCard target={target} />
          ) : (
            <>
              <Chart
                option={progressOption}
                label={nameOf(locale, d['targetProgress']!)}
                height={big ? chartHeight + 40 : Math.max(chartHeight, bars.length * 26 + 30)}
                dark={dark}
                testId="plan-drill-chart"
                onClick={(i) => {
                  const b = bars[i];
                  if (b?.node) set({ node: b.node.key, target: null });
                  else if (b?.target) set({ target: b.target.key });
                }}
              />
              {bars.some((b) => b.demo) && <p className={styles.hint}>* {t('brain.demo')}</p>}
              <div className={styles.breadcrumb} data-testid="plan-drill-links" hidden={big}>
                {bars.map((b) => (
                  <button
                    key={b.node?.key ?? b.target!.key}
                    type="button"
                    onClick={() =>
                      b.node
                        ? set({ node: b.node.key, target: null })
                        : set({ target: b.target!.key })
                    }
                  >
                    {b.label}
                  </button>
                ))}
              </div>
            </>
          )}
        </Card>
        <Card definition={d['projects']!} hint={t('brain.drill.hint')} testId="chart-projects">
          <Chart
            option={areaOption}
            label={nameOf(locale, d['projects']!)}
            height={chartHeight}
            dark={dark}
            onClick={(i) => {
              const a = areas[i];
              if (a) set({ area: a.area === area ? null : a.area });
            }}
          />
          <div className={styles.breadcrumb} data-testid="area-links" hidden={big}>
            {areas.map((a) => (
              <button
                key={a.area}
                type="button"
                onClick={() => set({ area: a.area === area ? null : a.area })}
              >
                {nameOf(locale, a)} ({a.projects})
              </button>
            ))}
          </div>
          {areaRow && (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              data-testid="area-projects"
              dataSource={projects}
              columns={[
                {
                  title: t('brain.plan.projects.name'),
                  key: 'name',
                  render: (_, p) => (
                    <>
                      {nameOf(locale, p)} {p.demo && <DemoTag />}
                    </>
                  ),
                },
                {
                  title: t('brain.plan.projects.status'),
                  key: 'status',
                  width: 90,
                  render: (_, p) =>
                    (STATUSES as readonly string[]).includes(p.status)
                      ? t(`brain.plan.status.${p.status as (typeof STATUSES)[number]}`)
                      : p.status,
                },
                {
                  title: t('brain.plan.investment.done'),
                  key: 'done',
                  width: 120,
                  align: 'right',
                  render: (_, p) =>
                    `${(p.annualInvestmentDone ?? 0).toLocaleString(locale)} / ${(p.annualInvestmentPlan ?? 0).toLocaleString(locale)}`,
                },
                {
                  title: t('brain.plan.projects.slip'),
                  key: 'slip',
                  width: 80,
                  render: (_, p) =>
                    p.warning ? <Tag color="red">{t('brain.days', { n: p.slipDays })}</Tag> : '—',
                },
              ]}
            />
          )}
        </Card>
        <Card definition={d['investment']!} testId="chart-investment">
          <Chart
            option={investmentOption}
            label={nameOf(locale, d['investment']!)}
            height={chartHeight}
            dark={dark}
          />
        </Card>
        <Card definition={d['slippage']!} testId="slippage-list" wide={big ? false : 'full'}>
          <Table
            size="small"
            rowKey={(r) => `${r.project.key}-${r.milestone}`}
            pagination={false}
            scroll={{ y: big ? 150 : 260 }}
            dataSource={v.slippage}
            locale={{ emptyText: t('brain.plan.slippage.empty') }}
            columns={[
              {
                title: t('brain.plan.projects.name'),
                key: 'project',
                ellipsis: true,
                render: (_, r) => (
                  <>
                    {nameOf(locale, r.project)} {r.demo && <DemoTag />}
                  </>
                ),
              },
              {
                title: t('brain.plan.slippage.milestone'),
                key: 'milestone',
                width: 84,
                render: (_, r) => nameOf(locale, r),
              },
              { title: t('brain.plan.slippage.plannedOn'), dataIndex: 'plannedOn', width: 100 },
              {
                title: t('brain.plan.slippage.actualOn'),
                key: 'actualOn',
                width: 90,
                render: (_, r) => r.actualOn ?? t('brain.plan.slippage.notReached'),
              },
              {
                title: t('brain.plan.slippage.days'),
                dataIndex: 'slipDays',
                width: 76,
                align: 'right',
              },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}

function TargetCard({ target }: { target: Target }) {
  const t = useT();
  const { locale } = useLocale();
  const unit = locale === 'en-US' ? target.unitEn || target.unit : target.unit;
  const rows: [string, string][] = [
    [t('brain.plan.target.baseline'), `${target.baseline.toLocaleString(locale)} ${unit}`],
    [t('brain.plan.target.target'), `${target.targetValue.toLocaleString(locale)} ${unit}`],
    [
      t('brain.plan.target.latest'),
      target.latest === null
        ? t('brain.plan.target.notReported')
        : `${target.latest.toLocaleString(locale)} ${unit}`,
    ],
    [t('brain.plan.target.reportedOn'), target.reportedOn ?? '—'],
    [t('brain.plan.target.progress'), percent(target.progress)],
    [t('brain.plan.target.owner'), nameOf(locale, target.ownerUnit)],
  ];
  return (
    <div data-testid="target-detail">
      <p>
        <strong>{nameOf(locale, target)}</strong> {target.demo && <DemoTag />}{' '}
        {target.met && <Tag color="green">{t('brain.plan.target.met')}</Tag>}
      </p>
      <dl
        style={{
          display: 'grid',
          gridTemplateColumns: 'max-content 1fr',
          gap: '4px 16px',
          margin: 0,
        }}
      >
        {rows.map(([k, val]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd style={{ margin: 0 }}>{val}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
