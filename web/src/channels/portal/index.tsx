import { Link } from 'react-router-dom';
import { useT } from '../../i18n';
import { Shell } from '../../shell/Shell';
import { Browse } from './Browse';
import { Search } from './Search';

export default function PortalChannel() {
  const t = useT();
  return (
    <Shell channel="portal">
      <p className="ot-welcome">{t('channel.portal.welcome')}</p>
      <Search />
      <Browse />
      <p>
        <Link to="/ratings">{t('ratings.link')}</Link>
      </p>
    </Shell>
  );
}
