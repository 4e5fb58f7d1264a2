import { Alert, Button, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../../api';
import type { Loadable } from '../../catalogue/useLoad';
import { useLocale, useT, type Locale } from '../../i18n';
import styles from './brain.module.css';
import type { Definition, Figure } from './model';

export const nameOf = (locale: Locale, x: { name: string; nameEn: string }) =>
  locale === 'en-US' ? x.nameEn || x.name : x.name;

export const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

const RATES = new Set([
  'onTimeRate',
  'zeroTripRate',
  'zeroMaterialRate',
  'badRate',
  'planProgress',
  'investment',
]);

export function formatFigure(locale: Locale, f: Figure, total?: number): string {
  if (f.value === null) return '—';
  if (RATES.has(f.key)) return percent(f.value);
  if (f.key === 'satisfaction') return f.value.toFixed(2);
  const n = f.value.toLocaleString(locale);
  return total !== undefined ? `${n} / ${total.toLocaleString(locale)}` : n;
}

/** The definition of a figure, in the page's language, for its tooltip. */
export function useDefinition() {
  const { locale } = useLocale();
  return (d: Definition) => (locale === 'en-US' ? d.definitionEn : d.definition);
}

export function DemoTag() {
  const t = useT();
  return (
    <Tag color="orange" data-testid="demo-tag">
      {t('brain.demo')}
    </Tag>
  );
}

/** One headline figure: its name (the definition on hover or focus), its value, demo flag. */
export function FigureCard({ figure, total }: { figure: Figure; total?: number }) {
  const t = useT();
  const { locale } = useLocale();
  const definition = useDefinition();
  const notMeasured = figure.reason === 'not_measured';
  return (
    <div className={styles.figure} data-testid={`figure-${figure.key}`}>
      <Tooltip title={definition(figure)}>
        <span className={styles.figureName} tabIndex={0} data-testid="figure-name">
          {nameOf(locale, figure)}
        </span>
      </Tooltip>
      <span
        className={`${styles.figureValue} ${notMeasured ? styles.muted : ''}`}
        data-testid="figure-value"
      >
        {notMeasured ? t('brain.notMeasured') : formatFigure(locale, figure, total)}
      </span>
      {figure.demo && (
        <span>
          <DemoTag />
        </span>
      )}
    </div>
  );
}

/** A chart or table with a titled frame; the title carries the definition on hover. */
export function Card({
  definition,
  hint,
  extra,
  children,
  testId,
  wide = false,
}: {
  definition: Definition;
  hint?: string;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
  /** Two columns of the grid, or the whole row (a table). */
  wide?: boolean | 'full';
}) {
  const { locale } = useLocale();
  const text = useDefinition();
  return (
    <section
      className={`${styles.card} ${wide === 'full' ? styles.full : wide ? styles.wide : ''}`}
      data-testid={testId}
    >
      <h3>
        <Tooltip title={text(definition)}>
          <span className={styles.cardTitle} tabIndex={0}>
            {nameOf(locale, definition)}
          </span>
        </Tooltip>
        {hint && <span className={styles.hint}>{hint}</span>}
        {extra}
      </h3>
      {children}
    </section>
  );
}

export function LoadError({ error, retry }: { error: ApiError; retry: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={t('brain.error', { message: error.message })}
      action={<Button onClick={retry}>{t('brain.retry')}</Button>}
    />
  );
}

/** The loaded value, else the loading text or the error with a retry. */
export function whenReady<T>(
  state: Loadable<T>,
  retry: () => void,
  render: (data: T) => ReactNode,
  loading: ReactNode,
): ReactNode {
  if (state.status === 'error') return <LoadError error={state.error} retry={retry} />;
  if (state.status === 'loading') return loading;
  return render(state.data);
}

export function Breadcrumb({ steps }: { steps: { label: string; onClick?: () => void }[] }) {
  const t = useT();
  return (
    <nav className={styles.breadcrumb} aria-label={t('brain.drill.label')}>
      {steps.map((s, i) => (
        <span key={i}>
          {i > 0 && <span aria-hidden="true"> / </span>}
          {s.onClick ? (
            <button type="button" onClick={s.onClick}>
              {s.label}
            </button>
          ) : (
            <strong aria-current="page">{s.label}</strong>
          )}
        </span>
      ))}
    </nav>
  );
}
