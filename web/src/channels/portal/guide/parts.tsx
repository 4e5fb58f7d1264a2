import { Alert } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../api';
import {
  channelLabel,
  mediumLabel,
  requirementLabel,
  useLocalName,
} from '../../../catalogue/labels';
import type { Fee, MaterialDef, MergedMaterial } from '../../../catalogue/model';
import { useT } from '../../../i18n';

export function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section className="ot-guide-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

export function GuideMissing() {
  const t = useT();
  return <Alert type="warning" showIcon title={t('guide.notFound')} />;
}

export function GuideError({ error }: { error: ApiError }) {
  return error.status === 404 ? (
    <GuideMissing />
  ) : (
    <Alert type="error" showIcon title={error.message} />
  );
}

/** Working days, with 0 read as "on the spot" (即办件) rather than "0 days". */
export function Days({ n }: { n: number }) {
  const t = useT();
  return <>{n === 0 ? t('guide.days.onTheSpot') : t('guide.days', { n })}</>;
}

export function Trips({ trips, reasons }: { trips: number; reasons: string[] }) {
  const t = useT();
  return (
    <div className="ot-trips" data-testid="guide-trips">
      <strong className="ot-trips-count">
        {trips === 0
          ? t('guide.trips.zero')
          : t(trips === 1 ? 'guide.trips.one' : 'guide.trips.many', { n: trips })}
      </strong>
      {trips === 0 ? (
        <span>{t('guide.trips.zeroHint')}</span>
      ) : (
        reasons.map((reason) => <span key={reason}>{t('guide.trips.reason', { reason })}</span>)
      )}
    </div>
  );
}

type AnyMaterial = MaterialDef | MergedMaterial;

/**
 * The material list. For a bundle `itemName` is given and each row names the items asking for
 * it; a material several items ask for is one row, handed over once.
 */
export function MaterialsTable({
  caption,
  materials,
  itemName,
}: {
  caption: string;
  materials: AnyMaterial[];
  itemName?: (key: string) => string;
}) {
  const t = useT();
  if (!materials.length) return <p>{t('guide.materials.none')}</p>;
  return (
    <div className="ot-table-wrap">
      <table className="ot-table" data-testid="guide-materials">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('guide.materials.name')}</th>
            <th scope="col">{t('guide.materials.requirement')}</th>
            <th scope="col">{t('guide.materials.medium')}</th>
            <th scope="col">{t('guide.materials.copies')}</th>
            <th scope="col">{t('guide.materials.howToSubmit')}</th>
            {itemName && <th scope="col">{t('guide.materials.items')}</th>}
          </tr>
        </thead>
        <tbody>
          {materials.map((m) => (
            <MaterialRow key={m.key} material={m} itemName={itemName} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MaterialRow({
  material: m,
  itemName,
}: {
  material: AnyMaterial;
  itemName?: (key: string) => string;
}) {
  const t = useT();
  const name = useLocalName()(m);
  const condition = m.conditionText || m.condition;
  return (
    <tr data-material={m.key}>
      <th scope="row" className="ot-material-name">
        {name}
        {m.blankFormUrl && (
          <a className="ot-material-link" href={m.blankFormUrl}>
            {t('guide.materials.blankForm')}
          </a>
        )}
        {m.sampleUrl && (
          <a className="ot-material-link" href={m.sampleUrl}>
            {t('guide.materials.sample')}
          </a>
        )}
      </th>
      <td>
        {requirementLabel(t, m.requirement)}
        {m.requirement === 'conditional' && condition && (
          <span className="ot-condition">{t('guide.materials.when', { condition })}</span>
        )}
      </td>
      <td className="ot-nowrap">{mediumLabel(t, m.medium)}</td>
      <td className="ot-nowrap">{m.copies}</td>
      <td>
        {'producedBy' in m && m.producedBy ? (
          <>
            <strong className="ot-tag ot-tag-free">{t('guide.materials.noUpload')}</strong>
            <span className="ot-condition">
              {t('guide.materials.producedInBundle', {
                item: itemName ? itemName(m.producedBy) : m.producedBy,
              })}
            </span>
          </>
        ) : m.source.kind === 'upload' ? (
          t('guide.materials.submit')
        ) : (
          <>
            <strong className="ot-tag ot-tag-free">{t('guide.materials.noUpload')}</strong>
            <span className="ot-condition">
              {t(
                m.source.kind === 'certificate'
                  ? 'guide.materials.fromCertificate'
                  : 'guide.materials.fromSharedData',
              )}
            </span>
          </>
        )}
      </td>
      {itemName && 'items' in m && <td>{m.items.map(itemName).join(t('user.listSeparator'))}</td>}
    </tr>
  );
}

/** Fees, each with the item it belongs to when the guide is a bundle's. */
export function Fees({ fees, caption }: { fees: (Fee & { item?: string })[]; caption: string }) {
  const t = useT();
  if (!fees.length) return <p className="ot-free">{t('guide.fees.free')}</p>;
  const withItem = fees.some((f) => f.item);
  return (
    <div className="ot-table-wrap">
      <table className="ot-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {withItem && <th scope="col">{t('guide.fees.item')}</th>}
            <th scope="col">{t('guide.fees.name')}</th>
            <th scope="col">{t('guide.fees.standard')}</th>
            <th scope="col">{t('guide.fees.basis')}</th>
          </tr>
        </thead>
        <tbody>
          {fees.map((f, i) => (
            <tr key={i}>
              {withItem && <td>{f.item}</td>}
              <th scope="row">{f.name}</th>
              <td>{f.standard}</td>
              <td>{f.basis}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Channels({ channels }: { channels: string[] }) {
  const t = useT();
  if (!channels.length) return <p>{t('guide.channels.mixed')}</p>;
  return (
    <ul className="ot-inline-list">
      {channels.map((c) => (
        <li key={c}>{channelLabel(t, c)}</li>
      ))}
    </ul>
  );
}
