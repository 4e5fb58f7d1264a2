import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n';
import { Loading } from '../../shell/Loading';
import { Shell } from '../../shell/Shell';
import { Search } from '../portal/Search';
import { CardScreen } from './CardScreen';
import { kioskFetch, readKioskKey, type DeviceInfo } from './device';
import { KioskCases } from './KioskCases';
import { KioskHome } from './KioskHome';
import { Setup } from './Setup';
import { useIdle } from './useIdle';
import './kiosk.css';

// The application form brings antd's Form: loaded when a resident opens a case, not before.
const KioskCase = lazy(() => import('./KioskCase'));

const DEFAULT_IDLE_SECONDS = 60;

function useIdleLimit(): number {
  const [limit, setLimit] = useState(DEFAULT_IDLE_SECONDS);
  useEffect(() => {
    const key = readKioskKey();
    if (!key) return;
    kioskFetch<DeviceInfo>(key, 'GET', '/kiosk/device')
      .then((r) => {
        if (r.status === 200 && r.body) setLimit(r.body.idleSeconds);
      })
      .catch(() => {});
  }, []);
  return limit;
}

function SignedIn({ onSignOut }: { onSignOut: (idle: boolean) => void }) {
  const t = useT();
  const limit = useIdleLimit();
  const left = useIdle(limit, () => onSignOut(true));
  return (
    <>
      <p
        className={`ot-kiosk-idle${left <= 10 ? ' ot-kiosk-idle-soon' : ''}`}
        data-testid="kiosk-idle"
        aria-live={left <= 10 ? 'assertive' : 'off'}
      >
        {t('kiosk.idle', { seconds: left })}
      </p>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<KioskHome onExit={() => onSignOut(false)} />} />
          <Route path="cases" element={<KioskCases mode="cases" />} />
          <Route path="cases/:id" element={<KioskCase />} />
          <Route path="apply/:kind/:key" element={<KioskCase />} />
          <Route path="receipts" element={<KioskCases mode="receipts" />} />
          <Route
            path="services"
            element={
              <section>
                <h2>{t('kiosk.services.title')}</h2>
                <Search />
              </section>
            }
          />
          <Route path="*" element={<KioskHome onExit={() => onSignOut(false)} />} />
        </Routes>
      </Suspense>
    </>
  );
}

export default function KioskChannel() {
  const t = useT();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>(null);

  const end = useCallback(
    (idle: boolean) => {
      setNotice(idle ? t('kiosk.idle.signedOut') : null);
      signOut()
        .catch(() => {})
        .finally(() => navigate('/kiosk', { replace: true }));
    },
    [navigate, signOut, t],
  );

  const setup = location.pathname.replace(/\/$/, '') === '/kiosk/setup';
  let body;
  if (setup) body = <Setup />;
  else if (session.status === 'loading') body = <Loading />;
  else if (session.status === 'signedIn') body = <SignedIn onSignOut={end} />;
  else body = <CardScreen notice={notice} />;

  return (
    <Shell channel="kiosk" variant="kiosk">
      {body}
    </Shell>
  );
}
