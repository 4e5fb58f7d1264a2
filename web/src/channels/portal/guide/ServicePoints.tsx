import { Alert } from 'antd';
import { useId, useState } from 'react';
import { api } from '../../../api';
import { levelLabel, useLocalName } from '../../../catalogue/labels';
import { HANDLING_LEVELS, type List, type ServicePoint } from '../../../catalogue/model';
import { query, useApi, useLoad } from '../../../catalogue/useLoad';
import { useT } from '../../../i18n';

const pointsOf = (item: string, signal: AbortSignal) =>
  api.get<List<ServicePoint>>(`/api/v1/service-points${query({ item, limit: 200 })}`, signal);

/**
 * Where to go. For a bundle only the points that handle every one of its items count: the
 * applicant hands everything over at one window.
 */
export function ServicePoints({ items }: { items: string[] }) {
  const t = useT();
  const [state] = useLoad(items.join(','), async (signal) => {
    const lists = await Promise.all(items.map((item) => pointsOf(item, signal)));
    const [first = [], ...rest] = lists.map((l) => l.data);
    return first.filter((p) => rest.every((list) => list.some((q) => q.key === p.key)));
  });

  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <Alert type="error" showIcon title={state.error.message} />;
  const points = state.data;
  if (!points.length) return <p>{t('guide.where.none')}</p>;

  const byLevel = (level: string) => points.filter((p) => p.level === level);
  const others = points.filter((p) => !(HANDLING_LEVELS as readonly string[]).includes(p.level));
  const community = byLevel('community');
  const streets = byLevel('street').filter((p) => p.streetCode);

  return (
    <div className="ot-points">
      {(['district', 'street'] as const).map(
        (level) =>
          byLevel(level).length > 0 && (
            <PointGroup key={level} title={levelLabel(t, level)} points={byLevel(level)} />
          ),
      )}
      {others.length > 0 && <PointGroup title={t('guide.where.other')} points={others} />}
      {/* Dozens of community points would bury the rest, so they start folded. */}
      {community.length > 0 && (
        <details className="ot-points-more">
          <summary>{t('guide.where.communities', { n: community.length })}</summary>
          <PointList points={community} />
        </details>
      )}
      {items.length === 1 && streets.length > 0 && <Nearest item={items[0]!} streets={streets} />}
    </div>
  );
}

function PointGroup({ title, points }: { title: string; points: ServicePoint[] }) {
  return (
    <>
      <h4>{title}</h4>
      <PointList points={points} />
    </>
  );
}

function PointList({ points }: { points: ServicePoint[] }) {
  const t = useT();
  const name = useLocalName();
  return (
    <ul className="ot-point-list">
      {points.map((p) => (
        <li key={p.key}>
          <strong>{name(p)}</strong>
          <span>{t('guide.where.address', { address: p.address })}</span>
          <span>{t('guide.where.hours', { hours: p.openingHours })}</span>
        </li>
      ))}
    </ul>
  );
}

/** 就近办: the nearest places for one street, community point first. */
function Nearest({ item, streets }: { item: string; streets: ServicePoint[] }) {
  const t = useT();
  const name = useLocalName();
  const id = useId();
  const [street, setStreet] = useState('');
  const [nearest] = useApi<List<ServicePoint>>(
    street ? `/api/v1/service-points/nearest${query({ item, street })}` : null,
  );
  return (
    <div className="ot-nearest">
      <label htmlFor={id}>{t('guide.where.nearestLabel')}</label>
      <select id={id} value={street} onChange={(e) => setStreet(e.target.value)}>
        <option value="">{t('guide.where.chooseStreet')}</option>
        {streets.map((s) => (
          <option key={s.key} value={s.streetCode!}>
            {name(s)}
          </option>
        ))}
      </select>
      {street && (
        <div role="status">
          {nearest.status === 'loading' && t('app.loading')}
          {nearest.status === 'error' && nearest.error.message}
          {nearest.status === 'ready' && (
            <ol className="ot-point-list">
              {nearest.data.data.map((p) => (
                <li key={p.key}>
                  <strong>{name(p)}</strong>
                  <span>{levelLabel(t, p.level)}</span>
                  <span>{t('guide.where.address', { address: p.address })}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  );
}
