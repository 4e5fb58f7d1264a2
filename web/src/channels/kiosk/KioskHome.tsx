import { Link } from 'react-router-dom';
import { useT } from '../../i18n';

/** The four big tiles of a signed-in kiosk: 办事, 我的办件, 打印回执, 退出. */
export function KioskHome({ onExit }: { onExit: () => void }) {
  const t = useT();
  return (
    <section aria-labelledby="kiosk-home-title">
      <h2 id="kiosk-home-title">{t('kiosk.home.title')}</h2>
      <ul className="ot-kiosk-tiles">
        <li>
          <Link className="ot-kiosk-tile" to="/kiosk/services">
            <span className="ot-kiosk-tile-name">{t('kiosk.tile.services')}</span>
            <span className="ot-kiosk-tile-hint">{t('kiosk.tile.servicesHint')}</span>
          </Link>
        </li>
        <li>
          <Link className="ot-kiosk-tile" to="/kiosk/cases">
            <span className="ot-kiosk-tile-name">{t('kiosk.tile.cases')}</span>
            <span className="ot-kiosk-tile-hint">{t('kiosk.tile.casesHint')}</span>
          </Link>
        </li>
        <li>
          <Link className="ot-kiosk-tile" to="/kiosk/receipts">
            <span className="ot-kiosk-tile-name">{t('kiosk.tile.receipts')}</span>
            <span className="ot-kiosk-tile-hint">{t('kiosk.tile.receiptsHint')}</span>
          </Link>
        </li>
        <li>
          <button type="button" className="ot-kiosk-tile ot-kiosk-tile-exit" onClick={onExit}>
            <span className="ot-kiosk-tile-name">{t('kiosk.tile.exit')}</span>
            <span className="ot-kiosk-tile-hint">{t('kiosk.tile.exitHint')}</span>
          </button>
        </li>
      </ul>
    </section>
  );
}
