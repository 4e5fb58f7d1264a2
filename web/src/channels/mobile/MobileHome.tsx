import { Link } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { stageLabel } from '../../catalogue/labels';
import { STAGES } from '../../catalogue/model';
import { useT } from '../../i18n';
import { mobileEventPath, mobileRoutes, mobileWalletPath } from './routes';
import { SearchBox } from './SearchBox';

/** The phone's first page: search, my cases, and the life events (出生, 入学 …) as big tiles. */
export function MobileHome() {
  const t = useT();
  const { session } = useSession();
  return (
    <>
      <p className="ot-welcome">{t('channel.mobile.welcome')}</p>
      <SearchBox />
      <nav aria-label={t('mobile.home.shortcuts')} className="ot-m-shortcuts">
        <Link className="ot-m-button ot-m-primary" to={mobileRoutes.mine}>
          {t('mobile.home.mine')}
        </Link>
        <Link className="ot-m-button" to={mobileWalletPath}>
          {t('mobile.home.wallet')}
        </Link>
        {session.status === 'signedOut' && (
          <Link className="ot-m-button" to={`/login?next=${encodeURIComponent(mobileRoutes.mine)}`}>
            {t('mobile.home.signIn')}
          </Link>
        )}
      </nav>
      <section aria-labelledby="m-events-title">
        <h2 id="m-events-title">{t('mobile.home.events')}</h2>
        <ul className="ot-m-tiles">
          {STAGES.citizen.map((stage) => (
            <li key={stage}>
              <Link className="ot-m-tile" to={mobileEventPath(stage)}>
                {stageLabel(t, 'citizen', stage)}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
