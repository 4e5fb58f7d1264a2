import { useState } from 'react';
import { api } from '../api';
import { useLoad, type Loadable } from '../catalogue/useLoad';
import { casePath, type CaseDetail } from './model';

/**
 * One case, loaded by id. `replace` takes the detail an action answered with (no second
 * request); `reload` fetches it again, e.g. after a 409 said it changed underneath.
 */
export function useCase(id: string): {
  state: Loadable<CaseDetail>;
  reload: () => void;
  replace: (next: CaseDetail) => void;
} {
  const [state, reload] = useLoad(id, (signal) => api.get<CaseDetail>(casePath(id), signal));
  // An action's answer, kept until the next load of the same case supersedes it.
  const [latest, setLatest] = useState<{ from: Loadable<CaseDetail>; detail: CaseDetail } | null>(
    null,
  );
  const shown: Loadable<CaseDetail> =
    latest && latest.from === state ? { status: 'ready', data: latest.detail } : state;
  return { state: shown, reload, replace: (detail) => setLatest({ from: state, detail }) };
}
