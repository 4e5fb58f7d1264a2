import { api } from '../api';
import type { List, ServicePoint } from '../catalogue/model';
import { useLoad, type Loadable } from '../catalogue/useLoad';

// The district has a few dozen service points; they are fetched once per page load.
let cached: Promise<ServicePoint[]> | null = null;

function fetchServicePoints(): Promise<ServicePoint[]> {
  cached ??= api.get<List<ServicePoint>>('/api/v1/service-points?limit=200').then((r) => r.data);
  cached.catch(() => (cached = null));
  return cached;
}

/** Every service point (district centre, street centres, community points). */
export function useServicePoints(): Loadable<ServicePoint[]> {
  const [state] = useLoad('service-points', fetchServicePoints);
  return state;
}
