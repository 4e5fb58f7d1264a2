import { Link, useParams } from 'react-router-dom';
import { useT } from '../../../i18n';
import { Shell } from '../../../shell/Shell';
import { BundleGuide } from './BundleGuide';
import { ItemGuide } from './ItemGuide';
import { GuideMissing } from './parts';

/** 办事指南: its own chunk, so the portal's search page does not carry the guide's tables. */
export default function Guide() {
  const t = useT();
  const { kind, key = '' } = useParams();
  return (
    <Shell channel="portal">
      <nav className="ot-back" aria-label={t('guide.breadcrumb')}>
        <Link to="/">{t('guide.backToPortal')}</Link>
      </nav>
      {kind === 'item' && <ItemGuide itemKey={key} />}
      {kind === 'bundle' && <BundleGuide bundleKey={key} />}
      {kind !== 'item' && kind !== 'bundle' && <GuideMissing />}
    </Shell>
  );
}
