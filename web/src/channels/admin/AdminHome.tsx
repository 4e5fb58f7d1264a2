import { Link } from 'react-router-dom';
import { useT } from '../../i18n';

/** The admin's starting point: one entry per management area as they land. */
export function AdminHome() {
  const t = useT();
  return (
    <section className="ot-channel-home" aria-labelledby="channel-welcome">
      <p id="channel-welcome" className="ot-welcome">
        {t('channel.admin.welcome')}
      </p>
      <nav aria-label={t('admin.home.areas')}>
        <ul className="ot-admin-areas">
          <li>
            <Link to="/admin/catalogue">{t('admin.catalogue.title')}</Link>
            <p>{t('admin.home.catalogue')}</p>
          </li>
        </ul>
      </nav>
      <p className="ot-note">{t('channel.admin.empty')}</p>
    </section>
  );
}
