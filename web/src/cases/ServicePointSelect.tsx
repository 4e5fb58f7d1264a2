import { Select } from 'antd';
import { useMemo } from 'react';
import { useSession } from '../auth/session';
import { levelLabel, useLocalName } from '../catalogue/labels';
import type { ServicePoint } from '../catalogue/model';
import { useT } from '../i18n';
import { useServicePoints } from './useServicePoints';

const STORAGE_KEY = 'onetrip.servicePoint';

/** The point a clerk last chose: a window clerk sits at the same one all day. */
export function rememberServicePoint(key: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, key);
  } catch {
    // Storage disabled: the clerk's unit decides the default instead.
  }
}

function remembered(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * Where the signed-in clerk works: the point chosen last, else the centre of the clerk's street,
 * else the district centre.
 */
export function useDefaultServicePoint(): string | undefined {
  const { session } = useSession();
  const points = useServicePoints();
  return useMemo(() => {
    if (points.status !== 'ready') return undefined;
    const list = points.data;
    const last = remembered();
    if (last && list.some((p) => p.key === last)) return last;
    const unit = session.status === 'signedIn' ? session.me.orgUnit : null;
    const street =
      unit && unit.kind !== 'department'
        ? list.find((p) => p.level === 'street' && p.name.startsWith(unit.name))
        : undefined;
    return (street ?? list.find((p) => p.level === 'district') ?? list[0])?.key;
  }, [points, session]);
}

export interface ServicePointSelectProps {
  id?: string;
  value?: string;
  onChange?: (key: string) => void;
  'aria-describedby'?: string;
  /** A clerk's choice is remembered for the next case; an applicant's is not. */
  remember?: boolean;
  allowClear?: boolean;
  placeholder?: string;
}

/** A searchable choice of service point, grouped by level; the choice is remembered. */
export function ServicePointSelect({
  id,
  value,
  onChange,
  remember = true,
  allowClear,
  placeholder,
  ...aria
}: ServicePointSelectProps) {
  const t = useT();
  const name = useLocalName();
  const points = useServicePoints();
  const list: ServicePoint[] = points.status === 'ready' ? points.data : [];
  const levels = [...new Set(list.map((p) => p.level))];
  return (
    <Select
      id={id}
      value={value}
      showSearch={{ optionFilterProp: 'label' }}
      loading={points.status === 'loading'}
      style={{ minWidth: 280 }}
      allowClear={allowClear}
      placeholder={placeholder}
      onChange={(key: string | undefined) => {
        if (remember && key) rememberServicePoint(key);
        onChange?.(key ?? '');
      }}
      options={levels.map((level) => ({
        label: levelLabel(t, level),
        title: levelLabel(t, level),
        options: list
          .filter((p) => p.level === level)
          .map((p) => ({ value: p.key, label: name(p) })),
      }))}
      {...aria}
    />
  );
}
