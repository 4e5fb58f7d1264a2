import { Alert, Button, ConfigProvider, Layout } from 'antd';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { useSession } from '../auth/session';
import { useT } from '../i18n';
import { LocaleSwitch } from '../i18n/LocaleSwitch';
import { PRODUCT_NAME, type ChannelId } from './channels';
import { ElderToggle, elderTheme, standardTheme, useElderMode } from './elder';
import { Loading } from './Loading';
import { PageTitleContext } from './pageTitle';
import { SessionError } from './SessionError';
import { UserSummary } from './UserSummary';

interface ShellProps {
  channel: ChannelId;
  requireAuth?: boolean;
  variant?: 'desktop' | 'mobile' | 'kiosk';
  /** Offer elder mode (长辈版): the applicant's channels (portal, mobile, kiosk). */
  elder?: boolean;
  children: ReactNode;
}

// The applicant's channels offer elder mode; the kiosk starts in it.
const ELDER_CHANNELS = new Set<ChannelId>(['portal', 'mobile', 'kiosk']);

export function Shell({
  channel,
  requireAuth = false,
  variant = 'desktop',
  elder = ELDER_CHANNELS.has(channel),
  children,
}: ShellProps) {
  const t = useT();
  const { session, signOut } = useSession();
  const location = useLocation();
  const [loggedOutHere, setLoggedOutHere] = useState(false);
  const [logoutError, setLogoutError] = useState<string | null>(null);
  const [pageTitle, setPageTitle] = useState<string | null>(null);
  const [elderMode, setElderMode] = useElderMode(channel === 'kiosk', elder);
  const title = t(`channel.${channel}.title`);
  const here = location.pathname + location.search;

  useEffect(() => {
    document.title = [pageTitle, title, PRODUCT_NAME].filter(Boolean).join(' · ');
  }, [pageTitle, title]);

  if (requireAuth) {
    if (session.status === 'loading') return <Loading />;
    if (session.status === 'error') return <SessionError error={session.error} />;
    if (session.status === 'signedOut') {
      // Someone who just logged out is handing the desk over, not coming back to this page.
      const to = loggedOutHere ? '/login' : `/login?next=${encodeURIComponent(here)}`;
      return <Navigate to={to} replace />;
    }
  }

  const me = session.status === 'signedIn' ? session.me : null;
  const logout = () => {
    setLogoutError(null);
    setLoggedOutHere(true);
    signOut().catch((error: Error) => {
      setLoggedOutHere(false);
      setLogoutError(t('error.logout', { message: error.message }));
    });
  };

  return (
    <ConfigProvider
      componentSize={variant === 'kiosk' ? 'large' : undefined}
      {...(elder ? { theme: elderMode ? elderTheme : standardTheme } : {})}
    >
      <Layout className={`ot-shell ot-shell-${variant}`}>
        <a className="ot-skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <Layout.Header className="ot-header">
          <div className="ot-brand">
            <span className="ot-product">{PRODUCT_NAME}</span>
            <h1 className="ot-channel-title">{title}</h1>
          </div>
          <div className="ot-header-tools">
            {me && <UserSummary me={me} />}
            {elder && <ElderToggle on={elderMode} onChange={setElderMode} />}
            <LocaleSwitch />
            {me ? (
              <Button onClick={logout}>{t('nav.logout')}</Button>
            ) : (
              session.status !== 'loading' && (
                <Link className="ot-header-link" to={`/login?next=${encodeURIComponent(here)}`}>
                  {t('nav.login')}
                </Link>
              )
            )}
          </div>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} className="ot-main">
          {logoutError && <Alert type="error" showIcon title={logoutError} className="ot-alert" />}
          <PageTitleContext value={setPageTitle}>{children}</PageTitleContext>
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}
