import { Alert } from 'antd';
import { Link, Navigate, useLocation, useParams } from 'react-router-dom';
import { api } from '../../api';
import { useSession } from '../../auth/session';
import { useLoad } from '../../catalogue/useLoad';
import { Due } from '../../cases/CaseFacts';
import { caseStateLabel } from '../../cases/labels';
import type { CaseSummary, Page } from '../../cases/model';
import { WorkbenchTheme } from '../../cases/theme';
import { useT } from '../../i18n';
import { Loading } from '../../shell/Loading';
import { usePageTitle } from '../../shell/pageTitle';
import { Apply } from '../portal/cases/Apply';
import { CasePage } from '../portal/cases/CasePage';
import { Inbox } from '../portal/cases/MyCases';
import { mobileRoutes } from './routes';
import { useLocalText } from '../../cases/useLocalText';

/**
 * The resident's side of a case on the phone: /m/apply/… starts a draft, /m/cases lists mine,
 * /m/cases/:id fills one in, answers a correction or follows it. The portal's case page, with the
 * phone's links and one column.
 */
export default function MobileCases() {
  const { kind, key, id } = useParams();
  const { session } = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <Loading />;
  if (session.status !== 'signedIn') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return (
    <WorkbenchTheme>
      <div className="ot-m-case">
        {kind !== undefined && key !== undefined ? (
          <Apply kind={kind} subjectKey={key} />
        ) : id !== undefined ? (
          <CasePage id={id} />
        ) : (
          <MyCasesList />
        )}
      </div>
    </WorkbenchTheme>
  );
}

const EDITABLE = new Set(['draft', 'correction']);

/** My cases as cards: what it is, where it stands, by when; drafts and corrections first. */
function MyCasesList() {
  const t = useT();
  const text = useLocalText();
  usePageTitle(t('apply.mine.title'));
  const path = '/api/v1/cases?limit=50';
  const [state] = useLoad(path, (signal) => api.get<Page<CaseSummary>>(path, signal));
  const rows =
    state.status === 'ready'
      ? [...state.data.data].sort(
          (a, b) => Number(EDITABLE.has(b.state)) - Number(EDITABLE.has(a.state)),
        )
      : [];
  return (
    <section aria-labelledby="m-mine-title">
      <nav className="ot-back" aria-label={t('guide.breadcrumb')}>
        <Link to={mobileRoutes.home}>{t('mobile.back.home')}</Link>
      </nav>
      <h2 id="m-mine-title">{t('apply.mine.title')}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert type="error" showIcon title={state.error.message} />}
      {state.status === 'ready' && rows.length === 0 && (
        <p data-testid="my-cases-empty">
          {t('apply.mine.empty')} <Link to={mobileRoutes.home}>{t('apply.mine.findService')}</Link>
        </p>
      )}
      <ul className="ot-m-cards" data-testid="my-cases">
        {rows.map((c) => (
          <li key={c.id} data-case={c.id} data-state={c.state}>
            <Link className="ot-m-card" to={mobileRoutes.case(c.id)}>
              <span className="ot-m-card-title">{text.caseTitle(c)}</span>
              <span className="ot-m-state">{caseStateLabel(t, c.state)}</span>
              {EDITABLE.has(c.state) && (
                <span className="ot-m-card-action">
                  {c.state === 'draft' ? t('mobile.cases.continue') : t('apply.mine.toCorrect')}
                </span>
              )}
              <span className="ot-m-card-meta">
                {c.number
                  ? t('kiosk.cases.number', { number: c.number })
                  : t('kiosk.cases.noNumber')}
              </span>
              {c.promisedDue && (
                <span className="ot-m-card-meta">
                  {t('case.facts.promisedDue')}
                  {t('guide.colon')}
                  <Due date={c.promisedDue} provisional={c.dueProvisional} />
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
      <Inbox />
    </section>
  );
}
