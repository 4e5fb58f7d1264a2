import { Alert } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { audienceLabel, stageLabel, useLocalName } from '../../catalogue/labels';
import type { BundleSummary, List, SearchHit } from '../../catalogue/model';
import { query, useApi, type Loadable } from '../../catalogue/useLoad';
import { useT } from '../../i18n';
import { usePageTitle } from '../../shell/pageTitle';
import { mobileRoutes } from './routes';
import { SearchBox } from './SearchBox';

interface Row {
  kind: 'bundle' | 'item';
  key: string;
  title: string;
  meta: string;
}

/**
 * /m/search?q=… and /m/events/:stage: services as cards a thumb can hit, each opening its guide.
 * The same API as the portal's search and life events.
 */
export default function MobileFind() {
  const t = useT();
  const name = useLocalName();
  const { stage } = useParams();
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [hits] = useApi<List<SearchHit>>(
    !stage && q ? `/api/v1/search${query({ q, limit: 20 })}` : null,
  );
  const [bundles] = useApi<List<BundleSummary>>(
    stage ? `/api/v1/bundles${query({ audience: 'citizen', stage, limit: 100 })}` : null,
  );
  const heading = stage ? stageLabel(t, 'citizen', stage) : t('portal.search.results');
  usePageTitle(heading);

  let rows: Loadable<Row[]>;
  if (stage) {
    rows =
      bundles.status === 'ready'
        ? {
            status: 'ready',
            data: bundles.data.data.map((b) => ({
              kind: 'bundle',
              key: b.key,
              title: name(b),
              meta: t('portal.browse.bundleMeta', { items: b.itemCount, days: b.promisedDays }),
            })),
          }
        : bundles;
  } else if (!q) {
    rows = { status: 'ready', data: [] };
  } else {
    rows =
      hits.status === 'ready'
        ? {
            status: 'ready',
            // A whole life event beats the single items it is made of, so bundles lead.
            data: [...hits.data.data]
              .sort((a, b) => Number(b.kind === 'bundle') - Number(a.kind === 'bundle'))
              .map((h) => ({
                kind: h.kind,
                key: h.key,
                title: name(h),
                meta:
                  h.kind === 'bundle'
                    ? `${t('catalogue.bundleTag')} · ${h.audience ? audienceLabel(t, h.audience) : ''}`
                    : h.department
                      ? name(h.department)
                      : '',
              })),
          }
        : hits;
  }

  return (
    <>
      <nav className="ot-back" aria-label={t('guide.breadcrumb')}>
        <Link to={mobileRoutes.home}>{t('mobile.back.home')}</Link>
      </nav>
      {!stage && <SearchBox key={q} initial={q} />}
      <section aria-labelledby="m-find-title">
        <h2 id="m-find-title">{heading}</h2>
        <p role="status" className="ot-status">
          {rows.status === 'loading' && t('app.loading')}
          {rows.status === 'ready' &&
            (stage || q) &&
            (rows.data.length
              ? t('mobile.find.count', { n: rows.data.length })
              : t('mobile.find.none'))}
        </p>
        {rows.status === 'error' && <Alert type="error" showIcon title={rows.error.message} />}
        {rows.status === 'ready' && rows.data.length > 0 && (
          <ul className="ot-m-cards" data-testid="m-services">
            {rows.data.map((r) => (
              <li key={`${r.kind}:${r.key}`}>
                <Link className="ot-m-card" to={mobileRoutes.guide(r.kind, r.key)}>
                  <span className="ot-m-card-title">{r.title}</span>
                  <span className="ot-m-card-meta">{r.meta}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
