import { Button, ConfigProvider, Select, Tabs, theme as antdTheme } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n';
import { LocaleSwitch } from '../../i18n/LocaleSwitch';
import { Loading } from '../../shell/Loading';
import { usePageTitle } from '../../shell/pageTitle';
import { SessionError } from '../../shell/SessionError';
import styles from './brain.module.css';
import { PlanPanel } from './PlanPanel';
import { ServicesPanel } from './ServicesPanel';

const PERIODS = [7, 30, 90, 365] as const;
const REFRESH_MS = 60_000;

const shanghai = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const today = () => shanghai.format(new Date());
const daysBefore = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** The last twelve months, newest first (YYYY-MM). */
function recentMonths(day: string): string[] {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return d.toISOString().slice(0, 7);
  });
}

function usePeriod() {
  const [params] = useSearchParams();
  const days = PERIODS.find((p) => String(p) === params.get('days')) ?? 30;
  const to = today();
  return { days, from: daysBefore(to, days - 1), to };
}

/** The normal page, inside the channel's shell. */
export function Dashboard() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'plan' ? 'plan' : 'services';
  const period = usePeriod();
  const months = recentMonths(period.to);
  const [month, setMonth] = useState(months[0]!);
  usePageTitle(tab === 'plan' ? t('brain.tab.plan') : t('brain.tab.services'));
  const update = (k: string, v: string | null) => {
    const p = new URLSearchParams(params);
    if (v === null) p.delete(k);
    else p.set(k, v);
    setParams(p);
  };
  const big = new URLSearchParams(params);
  big.set('screen', 'big');

  return (
    <div className={`${styles.dashboard} ot-wide`}>
      <div className={styles.toolbar}>
        <Tabs
          activeKey={tab}
          onChange={(k) => update('tab', k === 'plan' ? 'plan' : null)}
          items={[
            { key: 'services', label: t('brain.tab.services') },
            { key: 'plan', label: t('brain.tab.plan') },
          ]}
        />
        <span className={styles.spacer} />
        {tab === 'services' && (
          <Select
            aria-label={t('brain.period.label')}
            value={period.days}
            style={{ width: 130 }}
            options={PERIODS.map((p) => ({ value: p, label: t(`brain.period.${p}`) }))}
            onChange={(d) => update('days', d === 30 ? null : String(d))}
          />
        )}
        <Select
          aria-label={t('brain.report.month')}
          value={month}
          style={{ width: 120 }}
          options={months.map((m) => ({ value: m, label: m }))}
          onChange={setMonth}
        />
        <a
          className="ant-btn ant-btn-default"
          href={`/api/v1/brain/report.pdf?month=${month}`}
          target="_blank"
          rel="noreferrer"
          data-testid="report-link"
        >
          {t('brain.report.download')}
        </a>
        <Link to={`/brain?${big.toString()}`} data-testid="big-screen-link">
          <Button type="primary">{t('brain.bigScreen.enter')}</Button>
        </Link>
      </div>
      {tab === 'services' ? (
        <ServicesPanel from={period.from} to={period.to} refresh={0} dark={false} big={false} />
      ) : (
        <PlanPanel refresh={0} dark={false} big={false} />
      )}
    </div>
  );
}

/**
 * 大屏: both panels side by side on a dark 1920 × 1080 screen, no shell, reloading every
 * minute. Signing in still applies.
 */
export function BigScreen() {
  const t = useT();
  const { session } = useSession();
  const location = useLocation();
  const [params] = useSearchParams();
  const period = usePeriod();
  const [refresh, setRefresh] = useState(0);
  const [updated, setUpdated] = useState(() => new Date());

  useEffect(() => {
    document.title = t('brain.bigScreen.title');
  }, [t]);
  useEffect(() => {
    const timer = setInterval(() => {
      setRefresh((n) => n + 1);
      setUpdated(new Date());
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  if (session.status === 'loading') return <Loading />;
  if (session.status === 'error') return <SessionError error={session.error} />;
  if (session.status === 'signedOut')
    return (
      <Navigate
        to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );

  const normal = new URLSearchParams(params);
  normal.delete('screen');
  const time = updated.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return (
    <ConfigProvider theme={{ algorithm: antdTheme.darkAlgorithm }}>
      <main className={styles.big} data-testid="big-screen">
        <header className={styles.bigHeader}>
          <h1>{t('brain.bigScreen.title')}</h1>
          <span className={styles.hint}>
            {t('brain.period.range', { from: period.from, to: period.to })}
          </span>
          <span className={styles.spacer} />
          <span className={styles.hint} role="status">
            {t('brain.bigScreen.updated', { time })}
          </span>
          <LocaleSwitch />
          <Link to={`/brain${normal.size ? `?${normal.toString()}` : ''}`}>
            <Button>{t('brain.bigScreen.exit')}</Button>
          </Link>
        </header>
        <div className={styles.bigColumns}>
          <section aria-label={t('brain.tab.services')}>
            <h2>{t('brain.tab.services')}</h2>
            <ServicesPanel from={period.from} to={period.to} refresh={refresh} dark big />
          </section>
          <section aria-label={t('brain.tab.plan')}>
            <h2>{t('brain.tab.plan')}</h2>
            <PlanPanel refresh={refresh} dark big />
          </section>
        </div>
      </main>
    </ConfigProvider>
  );
}
