import { Link } from 'react-router-dom';
import { api } from '../../../api';
import { audienceLabel, stageLabel, useLocalName } from '../../../catalogue/labels';
import {
  guidePath,
  type BundleView,
  type CompiledBundle,
  type ItemView,
} from '../../../catalogue/model';
import { useLoad } from '../../../catalogue/useLoad';
import { useT } from '../../../i18n';
import { Loading } from '../../../shell/Loading';
import { usePageTitle } from '../../../shell/pageTitle';
import { Channels, Days, Fees, GuideError, MaterialsTable, Section, Trips } from './parts';
import { ServicePoints } from './ServicePoints';
import { ZeroMaterial } from '../certificates/ZeroMaterial';

interface BundleGuideData {
  bundle: BundleView;
  compiled: CompiledBundle;
  /** Each item in full: conditions, fees, channels and visit reasons live on the items. */
  items: ItemView[];
}

async function loadBundle(key: string, signal: AbortSignal): Promise<BundleGuideData> {
  const path = `/api/v1/bundles/${encodeURIComponent(key)}`;
  const [bundle, compiled] = await Promise.all([
    api.get<BundleView>(path, signal),
    api.get<CompiledBundle>(`${path}/compiled`, signal),
  ]);
  const items = await Promise.all(
    bundle.items.map((ref) =>
      api.get<ItemView>(`/api/v1/items/${encodeURIComponent(ref.item)}`, signal),
    ),
  );
  return { bundle, compiled, items };
}

export function BundleGuide({ bundleKey }: { bundleKey: string }) {
  const t = useT();
  const name = useLocalName();
  const [state] = useLoad(bundleKey, (signal) => loadBundle(bundleKey, signal));
  usePageTitle(state.status === 'ready' ? name(state.data.bundle) : null);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <GuideError error={state.error} />;
  const { bundle, compiled, items } = state.data;

  const names = new Map(bundle.items.map((i) => [i.item, name(i)]));
  const itemName = (key: string) => names.get(key) ?? key;
  const fees = items.flatMap((i) => i.fees.map((f) => ({ ...f, item: name(i) })));
  const reasons = items
    .filter((i) => i.visits > 0 && i.visitReason)
    .map((i) => `${name(i)}${t('guide.colon')}${i.visitReason}`);
  // Channels through which the whole bundle can be applied for.
  const channels = items.reduce<string[]>(
    (common, i) => common.filter((c) => (i.channels as string[]).includes(c)),
    items[0]?.channels ?? [],
  );

  return (
    <article className="ot-guide" aria-labelledby="guide-title">
      <p className="ot-guide-kind">
        <span className="ot-tag">{t('catalogue.bundleTag')}</span>
        {audienceLabel(t, bundle.audience)} · {stageLabel(t, bundle.audience, bundle.stage)}
      </p>
      <h2 id="guide-title">{name(bundle)}</h2>
      <p>
        <Link className="ot-apply-link" to={`/apply/bundle/${bundle.key}`}>
          {t('guide.applyOnline')}
        </Link>
      </p>
      {bundle.description && <p className="ot-prewrap">{bundle.description}</p>}
      <dl className="ot-facts">
        <dt>{t('guide.trips')}</dt>
        <dd>
          <Trips trips={compiled.trips} reasons={reasons} />
        </dd>
        <dt>{t('guide.limits.promised')}</dt>
        <dd>
          <Days n={bundle.promisedDays} />
        </dd>
        <dt>{t('guide.fees')}</dt>
        <dd>{fees.length ? t('guide.fees.charged') : t('guide.fees.free')}</dd>
      </dl>

      <Section id="guide-items" title={t('guide.items')}>
        <BundleItems bundle={bundle} itemName={itemName} />
      </Section>
      <Section id="guide-conditions" title={t('guide.conditions')}>
        {items.map((i) => (
          <div key={i.key}>
            <h4>{name(i)}</h4>
            <p className="ot-prewrap">{i.conditions || t('guide.conditions.none')}</p>
          </div>
        ))}
      </Section>
      <Section id="guide-materials" title={t('guide.materials')}>
        <MaterialsTable
          caption={t('guide.materials.mergedCaption', { n: compiled.materials.length })}
          materials={compiled.materials}
          itemName={itemName}
        />
        <ZeroMaterial kind="bundle" subjectKey={bundle.key} />
      </Section>
      <Section id="guide-limits" title={t('guide.limits')}>
        <dl className="ot-facts">
          <dt>{t('guide.limits.promised')}</dt>
          <dd>
            <Days n={bundle.promisedDays} />
          </dd>
          <dt>{t('guide.limits.criticalPath')}</dt>
          <dd>
            <Days n={compiled.criticalPath.days} />
            {compiled.criticalPath.items.length > 0 && (
              <span className="ot-condition">
                {compiled.criticalPath.items.map(itemName).join(' → ')}
              </span>
            )}
          </dd>
        </dl>
        <p className="ot-note">{t('guide.limits.criticalPathNote')}</p>
      </Section>
      <Section id="guide-fees" title={t('guide.fees')}>
        <Fees fees={fees} caption={t('guide.fees.caption')} />
      </Section>
      <Section id="guide-where" title={t('guide.where')}>
        <p className="ot-note">{t('guide.where.bundleNote')}</p>
        <ServicePoints items={bundle.items.map((i) => i.item)} />
      </Section>
      <Section id="guide-channels" title={t('guide.channels')}>
        <Channels channels={channels} />
      </Section>
    </article>
  );
}

function BundleItems({
  bundle,
  itemName,
}: {
  bundle: BundleView;
  itemName: (key: string) => string;
}) {
  const t = useT();
  const name = useLocalName();
  return (
    <div className="ot-table-wrap">
      <table className="ot-table">
        <caption>{t('guide.items.caption', { n: bundle.items.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('guide.items.name')}</th>
            <th scope="col">{t('guide.department')}</th>
            <th scope="col">{t('guide.limits.promised')}</th>
            <th scope="col">{t('guide.items.when')}</th>
            <th scope="col">{t('guide.items.after')}</th>
          </tr>
        </thead>
        <tbody>
          {bundle.items.map((i) => (
            <tr key={i.item}>
              <th scope="row">
                <Link to={guidePath('item', i.item)}>{name(i)}</Link>
              </th>
              <td>{name(i.department)}</td>
              <td>
                <Days n={i.promisedDays} />
              </td>
              <td>
                {i.when ? (
                  <>
                    <strong className="ot-tag ot-tag-conditional">
                      {t('guide.items.conditional')}
                    </strong>
                    <span className="ot-condition">{i.whenText || i.when}</span>
                  </>
                ) : (
                  t('guide.items.always')
                )}
              </td>
              <td>{i.after?.length ? i.after.map(itemName).join(t('user.listSeparator')) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
