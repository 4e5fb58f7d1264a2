import { Alert } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { requirementLabel, useLocalName } from '../../catalogue/labels';
import type { BundleView, ItemView } from '../../catalogue/model';
import { useLoad } from '../../catalogue/useLoad';
import { useT } from '../../i18n';
import { Loading } from '../../shell/Loading';
import { usePageTitle } from '../../shell/pageTitle';
import { loadApplication, type Application } from '../portal/cases/schema';
import { mobileRoutes } from './routes';

interface GuideData {
  view: BundleView | ItemView;
  app: Application;
}

async function loadGuide(kind: 'bundle' | 'item', key: string, signal: AbortSignal) {
  const path = `/api/v1/${kind === 'bundle' ? 'bundles' : 'items'}/${encodeURIComponent(key)}`;
  const [view, app] = await Promise.all([
    api.get<BundleView | ItemView>(path, signal),
    // The merged form's own loader: the application page opens next and finds it cached.
    loadApplication(kind, key),
  ]);
  return { view, app } satisfies GuideData;
}

/**
 * 办事指南 for a phone: what it is, how long it takes, what it asks for, and one button to apply.
 * The portal's full guide (fees, legal basis, service points) stays one link away.
 */
export default function MobileGuide() {
  const t = useT();
  const name = useLocalName();
  const params = useParams();
  const kind = params.kind === 'item' ? 'item' : params.kind === 'bundle' ? 'bundle' : null;
  const key = params.key ?? '';
  const [state] = useLoad(kind ? `${kind}:${key}` : null, (signal) =>
    loadGuide(kind!, key, signal),
  );
  usePageTitle(state.status === 'ready' ? name(state.data.view) : null);

  const back = (
    <nav className="ot-back" aria-label={t('guide.breadcrumb')}>
      <Link to={mobileRoutes.home}>{t('mobile.back.home')}</Link>
    </nav>
  );
  if (!kind)
    return (
      <>
        {back}
        <Alert type="error" showIcon title={t('apply.starting.notFound')} />
      </>
    );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    return (
      <>
        {back}
        <Alert type="error" showIcon title={state.error.message} />
      </>
    );
  }
  const { view, app } = state.data;
  const description = 'description' in view ? view.description : view.conditions;
  const materials = app.materials.filter((m) => !m.producedBy);

  return (
    <article aria-labelledby="m-guide-title" className="ot-m-guide">
      {back}
      {kind === 'bundle' && <span className="ot-tag">{t('catalogue.bundleTag')}</span>}
      <h2 id="m-guide-title">{name(view)}</h2>
      {description && <p className="ot-prewrap">{description}</p>}
      <p className="ot-m-fact">{t('mobile.guide.promised', { days: view.promisedDays })}</p>
      <Link className="ot-m-button ot-m-primary ot-m-block" to={mobileRoutes.apply(kind, key)}>
        {t('guide.applyOnline')}
      </Link>
      {app.parts.length > 1 && (
        <section aria-labelledby="m-guide-items">
          <h3 id="m-guide-items">{t('guide.items')}</h3>
          <ol className="ot-m-plain">
            {app.parts.map((p) => (
              <li key={p.key}>
                {name(p)}
                {p.whenText && <span className="ot-m-card-meta">{p.whenText}</span>}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="m-guide-materials">
        <h3 id="m-guide-materials">{t('apply.materials.title')}</h3>
        {materials.length === 0 ? (
          <p>{t('guide.materials.none')}</p>
        ) : (
          <ul className="ot-m-plain" data-testid="m-guide-materials">
            {materials.map((m) => (
              <li key={m.key}>
                {name(m)}
                <span className="ot-m-card-meta">
                  {requirementLabel(t, m.requirement)}
                  {m.source.kind !== 'upload' && ` · ${t('mobile.guide.noUpload')}`}
                  {m.conditionText && ` · ${m.conditionText}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link to={mobileRoutes.guide(kind, key).replace(/^\/m/, '')}>{t('mobile.guide.full')}</Link>
      </p>
    </article>
  );
}
