import { Link } from 'react-router-dom';
import { itemTypeLabel, useLocalName } from '../../../catalogue/labels';
import type { ItemView } from '../../../catalogue/model';
import { useApi } from '../../../catalogue/useLoad';
import { useT } from '../../../i18n';
import { Loading } from '../../../shell/Loading';
import { usePageTitle } from '../../../shell/pageTitle';
import { Channels, Days, Fees, GuideError, MaterialsTable, Section, Trips } from './parts';
import { ServicePoints } from './ServicePoints';
import { ZeroMaterial } from '../certificates/ZeroMaterial';

export function ItemGuide({ itemKey }: { itemKey: string }) {
  const t = useT();
  const name = useLocalName();
  const [state] = useApi<ItemView>(`/api/v1/items/${encodeURIComponent(itemKey)}`);
  usePageTitle(state.status === 'ready' ? name(state.data) : null);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <GuideError error={state.error} />;
  const item = state.data;

  return (
    <article className="ot-guide" aria-labelledby="guide-title">
      <p className="ot-guide-kind">
        {t('guide.kind.item')} · {itemTypeLabel(t, item.type)}
      </p>
      <h2 id="guide-title">{name(item)}</h2>
      <p>
        <Link className="ot-apply-link" to={`/apply/item/${item.key}`}>
          {t('guide.applyOnline')}
        </Link>
      </p>
      <dl className="ot-facts">
        <dt>{t('guide.department')}</dt>
        <dd>{name(item.department)}</dd>
        <dt>{t('guide.trips')}</dt>
        <dd>
          <Trips trips={item.visits} reasons={item.visitReason ? [item.visitReason] : []} />
        </dd>
        <dt>{t('guide.limits.promised')}</dt>
        <dd>
          <Days n={item.promisedDays} />
        </dd>
        <dt>{t('guide.fees')}</dt>
        <dd>{item.fees.length ? t('guide.fees.charged') : t('guide.fees.free')}</dd>
        <dt>{t('guide.code')}</dt>
        <dd>{item.implementationCode}</dd>
      </dl>

      <Section id="guide-conditions" title={t('guide.conditions')}>
        <p className="ot-prewrap">{item.conditions || t('guide.conditions.none')}</p>
      </Section>
      <Section id="guide-materials" title={t('guide.materials')}>
        <MaterialsTable
          caption={t('guide.materials.caption', { n: item.materials.length })}
          materials={item.materials}
        />
        <ZeroMaterial kind="item" subjectKey={item.key} />
      </Section>
      <Section id="guide-limits" title={t('guide.limits')}>
        <dl className="ot-facts">
          <dt>{t('guide.limits.statutory')}</dt>
          <dd>
            <Days n={item.statutoryDays} />
          </dd>
          <dt>{t('guide.limits.promised')}</dt>
          <dd>
            <Days n={item.promisedDays} />
          </dd>
        </dl>
      </Section>
      <Section id="guide-fees" title={t('guide.fees')}>
        <Fees fees={item.fees} caption={t('guide.fees.caption')} />
      </Section>
      <Section id="guide-where" title={t('guide.where')}>
        <ServicePoints items={[item.key]} />
      </Section>
      <Section id="guide-channels" title={t('guide.channels')}>
        <Channels channels={item.channels} />
      </Section>
      {item.legalBasis && (
        <Section id="guide-basis" title={t('guide.legalBasis')}>
          <p className="ot-prewrap">{item.legalBasis}</p>
        </Section>
      )}
    </article>
  );
}
