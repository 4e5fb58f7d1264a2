import { Alert } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { stageLabel, useLocalName } from '../../catalogue/labels';
import {
  AUDIENCES,
  guidePath,
  STAGES,
  type Audience,
  type BundleSummary,
  type List,
} from '../../catalogue/model';
import { query, useApi } from '../../catalogue/useLoad';
import { useT } from '../../i18n';

/** Browsing by life event (citizens) or enterprise stage; the choice is kept in the URL. */
export function Browse() {
  const t = useT();
  const [params] = useSearchParams();
  const audience: Audience = params.get('audience') === 'enterprise' ? 'enterprise' : 'citizen';
  const requested = params.get('stage');
  const stage = (STAGES[audience] as readonly string[]).includes(requested ?? '')
    ? requested
    : null;

  const to = (a: Audience, s?: string) => {
    const next = new URLSearchParams(params);
    next.set('audience', a);
    if (s) next.set('stage', s);
    else next.delete('stage');
    return { search: `?${next}` };
  };

  return (
    <section className="ot-browse" aria-labelledby="browse-heading">
      <h2 id="browse-heading">{t('portal.browse.title')}</h2>
      <nav className="ot-audience-tabs" aria-label={t('portal.browse.audiences')}>
        {AUDIENCES.map((a) => (
          <Link key={a} to={to(a)} aria-current={a === audience ? 'page' : undefined}>
            {t(`portal.browse.${a}`)}
          </Link>
        ))}
      </nav>
      <nav aria-label={t(`portal.browse.stages.${audience}`)}>
        <ul className="ot-stage-list">
          {STAGES[audience].map((s) => (
            <li key={s}>
              <Link to={to(audience, s)} aria-current={s === stage ? 'true' : undefined}>
                {stageLabel(t, audience, s)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <StageBundles audience={audience} stage={stage} />
    </section>
  );
}

function StageBundles({ audience, stage }: { audience: Audience; stage: string | null }) {
  const t = useT();
  const name = useLocalName();
  const [bundles] = useApi<List<BundleSummary>>(
    `/api/v1/bundles${query({ audience, stage, limit: 100 })}`,
  );
  const heading = stage ? stageLabel(t, audience, stage) : t(`portal.browse.all.${audience}`);

  return (
    <section aria-labelledby="stage-heading" className="ot-stage-bundles">
      <h3 id="stage-heading">{heading}</h3>
      <p role="status" className="ot-status">
        {bundles.status === 'loading' && t('app.loading')}
        {bundles.status === 'ready' &&
          (bundles.data.total
            ? t('portal.browse.count', { n: bundles.data.total })
            : t('portal.browse.none'))}
      </p>
      {bundles.status === 'error' && <Alert type="error" showIcon title={bundles.error.message} />}
      {bundles.status === 'ready' && bundles.data.data.length > 0 && (
        <ul className="ot-result-list">
          {bundles.data.data.map((b) => (
            <li key={b.key}>
              <Link className="ot-result-name" to={guidePath('bundle', b.key)}>
                {name(b)}
              </Link>
              <span className="ot-tag">{t('catalogue.bundleTag')}</span>
              <span className="ot-result-meta">
                {t('portal.browse.bundleMeta', { items: b.itemCount, days: b.promisedDays })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
