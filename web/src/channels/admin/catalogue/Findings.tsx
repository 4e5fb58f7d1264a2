import { useEffect, useState } from 'react';
import { api, ApiError } from '../../../api';
import type { BundleDef, CompileOutcome } from '../../../catalogue/model';
import { useDebounced } from '../../../catalogue/useLoad';
import { useT, type MessageKey, type Translate } from '../../../i18n';
import { BundleGraph, type NodeInfo } from './BundleGraph';
import { toNamePath } from './serverErrors';

/** The last answer stays on screen while the next check runs, so the drawing does not flicker. */
interface Check {
  outcome: CompileOutcome | null;
  error: ApiError | null;
  inFlight: boolean;
}

const DEBOUNCE_MS = 400;

/**
 * The compiler's verdict on a draft, refreshed as the staff edits: only once typing pauses, and a
 * newer draft aborts the check of an older one.
 */
export function useCompile(draft: BundleDef): { check: Check; stale: boolean } {
  const settled = useDebounced(draft, DEBOUNCE_MS);
  const [check, setCheck] = useState<Check>({ outcome: null, error: null, inFlight: true });

  useEffect(() => {
    const controller = new AbortController();
    setCheck((last) => ({ ...last, inFlight: true }));
    api
      .post<CompileOutcome>('/api/v1/bundles/compile', settled, controller.signal)
      .then((outcome) => setCheck({ outcome, error: null, inFlight: false }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error));
        setCheck({ outcome: null, error: apiError, inFlight: false });
      });
    return () => controller.abort();
  }, [settled]);

  return { check, stale: settled !== draft };
}

/** 'items[2].when' in words: which item of the list, and which of its fields. */
export function describeField(t: Translate, field: string, itemLabel: (i: number) => string) {
  const [top, index, sub] = toNamePath(field);
  if (top === 'items' && typeof index === 'number') {
    const where = itemLabel(index);
    const part =
      sub === 'after' ? t('admin.bundle.after') : sub === 'when' ? t('admin.bundle.when') : null;
    return part ? `${where} · ${part}` : where;
  }
  const labels: Record<string, MessageKey> = {
    name: 'admin.item.name',
    nameEn: 'admin.item.nameEn',
    audience: 'admin.bundles.audience',
    stage: 'admin.bundles.stage',
    promisedDays: 'admin.bundles.promisedDays',
    items: 'admin.bundle.items',
  };
  const label = labels[String(top)];
  return label ? t(label) : field;
}

interface FindingsProps {
  check: Check;
  stale: boolean;
  promisedDays: number;
  info: (key: string) => NodeInfo;
  /** How to name the item at a position of the checked draft's list. */
  itemLabel: (index: number) => string;
}

export function Findings({ check, stale, promisedDays, info, itemLabel }: FindingsProps) {
  const t = useT();
  const busy = stale || check.inFlight;
  const { outcome, error } = check;
  const compiled = outcome?.compiled ?? null;
  // A draft the API's schema refuses (an empty name) is one more finding, not a broken page.
  const problems = error
    ? error.details?.length
      ? error.details
      : [{ field: error.field, message: error.message }]
    : (outcome?.problems ?? []);

  return (
    <section className="ot-findings" aria-labelledby="findings-title" data-testid="bundle-findings">
      <h3 id="findings-title">{t('admin.findings.title')}</h3>
      <p role="status" className="ot-status" aria-busy={busy}>
        {busy
          ? t('admin.findings.checking')
          : problems.length
            ? t('admin.findings.problems', { n: problems.length })
            : t('admin.findings.ok')}
      </p>
      {problems.length > 0 && (
        <ul className="ot-problems">
          {problems.map((p, i) => (
            <li key={i}>
              {p.field && (
                <strong>
                  {describeField(t, p.field, itemLabel)}
                  {t('guide.colon')}
                </strong>
              )}
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {compiled && (
        <>
          <dl className="ot-facts">
            <dt>{t('guide.limits.criticalPath')}</dt>
            <dd>
              {t('guide.days', { n: compiled.criticalPath.days })}
              {promisedDays >= compiled.criticalPath.days &&
                ` ${t('admin.findings.withinPromise', { n: promisedDays })}`}
              <span className="ot-condition">
                {compiled.criticalPath.items.map((k) => info(k).name).join(' → ')}
              </span>
            </dd>
            <dt>{t('admin.findings.materials')}</dt>
            <dd>{t('admin.findings.materialCount', { n: compiled.materials.length })}</dd>
            <dt>{t('guide.trips')}</dt>
            <dd>
              {compiled.trips === 0
                ? t('guide.trips.zero')
                : t('admin.findings.trips', { n: compiled.trips })}
            </dd>
          </dl>
          <BundleGraph graph={compiled.graph} info={info} critical={compiled.criticalPath.items} />
        </>
      )}
      {!compiled && !check.inFlight && <p className="ot-note">{t('admin.findings.noGraph')}</p>}
    </section>
  );
}
