import { Alert, Tag } from 'antd';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { api } from '../../api';
import { useSession } from '../../auth/session';
import { useLoad } from '../../catalogue/useLoad';
import { useT } from '../../i18n';
import { Loading } from '../../shell/Loading';
import { usePageTitle } from '../../shell/pageTitle';
import { STATUS_COLOR, type Certificate } from '../portal/certificates/model';
import { mobileRoutes } from './routes';

/**
 * 我的证照 on the phone: each certificate as a card with its PDF and its verify page. Sharing
 * through a time-limited link is on the portal's wallet.
 */
export default function MobileWallet() {
  const { session } = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <Loading />;
  if (session.status !== 'signedIn') {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  return <Wallet />;
}

function Wallet() {
  const t = useT();
  usePageTitle(t('cert.wallet.title'));
  const path = '/api/v1/certificates/mine';
  const [state] = useLoad(path, (signal) =>
    api.get<{ data: Certificate[]; total: number }>(path, signal),
  );
  return (
    <>
      <p>
        <Link to={mobileRoutes.home}>{t('mobile.back.home')}</Link>
      </p>
      <h2>{t('cert.wallet.title')}</h2>
      <p className="ot-note">{t('cert.wallet.intro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && (
        <Alert className="ot-alert" type="error" showIcon title={state.error.message} />
      )}
      {state.status === 'ready' && !state.data.total && <p>{t('cert.wallet.empty')}</p>}
      {state.status === 'ready' && state.data.total > 0 && (
        <ul className="ot-m-cards" data-testid="mobile-wallet">
          {state.data.data.map((c) => (
            <li key={c.id} className="ot-m-card" data-number={c.number}>
              <span>
                <strong>{c.typeName}</strong>{' '}
                <Tag color={STATUS_COLOR[c.status]}>{t(`cert.status.${c.status}`)}</Tag>
              </span>
              <span className="ot-m-card-meta">{c.number}</span>
              <span className="ot-m-card-meta">
                {c.issuerName} ·{' '}
                {c.validUntil
                  ? t('cert.range', { from: c.validFrom, until: c.validUntil })
                  : t('cert.longTerm', { from: c.validFrom })}
              </span>
              <span className="ot-inline-actions">
                <a href={`/api/v1/certificates/${c.id}/pdf`} target="_blank" rel="noreferrer">
                  {t('cert.pdf')}
                </a>{' '}
                · <Link to={`/verify?c=${c.compact}`}>{t('cert.verifyLink')}</Link>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
