import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../../api';
import type { CaseDetail } from '../../../cases/model';
import { useT } from '../../../i18n';
import { Loading } from '../../../shell/Loading';
import { usePageTitle } from '../../../shell/pageTitle';
import { useCaseRoutes } from './paths';

// One draft per visit of /apply/…: React's development double effects, or a re-render, must
// not start a second one. Keyed by the history entry, so opening the page again starts anew.
const started = new Map<string, Promise<CaseDetail>>();

export function startDraft(
  visit: string,
  kind: 'bundle' | 'item',
  key: string,
): Promise<CaseDetail> {
  let draft = started.get(visit);
  if (!draft) {
    draft = api.post<CaseDetail>('/api/v1/cases', { subject: { kind, key } });
    started.set(visit, draft);
  }
  return draft;
}

/** /apply/:kind/:key: starts an application (a draft kept on the server) and opens it. */
export function Apply({ kind, subjectKey }: { kind: string; subjectKey: string }) {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const routes = useCaseRoutes();
  const [error, setError] = useState<ApiError | null>(null);
  const subjectKind = kind === 'bundle' || kind === 'item' ? kind : null;
  usePageTitle(t('apply.starting.title'));

  useEffect(() => {
    if (!subjectKind) return;
    let live = true;
    startDraft(`${location.key}:${subjectKind}:${subjectKey}`, subjectKind, subjectKey)
      .then((draft) => {
        if (live) navigate(routes.case(draft.id), { replace: true, state: { started: true } });
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof ApiError ? e : new ApiError(0, 'unexpected', String(e)));
      });
    return () => {
      live = false;
    };
  }, [subjectKind, subjectKey, location.key, navigate, routes]);

  if (!subjectKind || error) {
    return (
      <section aria-labelledby="apply-title">
        <h2 id="apply-title">{t('apply.starting.title')}</h2>
        <Alert
          type="error"
          showIcon
          title={
            !subjectKind || error?.status === 404 ? t('apply.starting.notFound') : error?.message
          }
        />
        <ul className="ot-inline-list">
          {subjectKind && (
            <li>
              <Link to={routes.guide(subjectKind, subjectKey)}>{t('apply.backToGuide')}</Link>
            </li>
          )}
          <li>
            <Link to={routes.home}>{t(routes.homeLabel)}</Link>
          </li>
        </ul>
      </section>
    );
  }
  return (
    <section aria-labelledby="apply-title">
      <h2 id="apply-title">{t('apply.starting.title')}</h2>
      <p>{t('apply.starting.body')}</p>
      <Loading />
    </section>
  );
}
