import { Alert } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { useSession } from '../../../auth/session';
import { useT } from '../../../i18n';
import { BundleEditor } from './BundleEditor';
import { CatalogueList } from './CatalogueList';
import { ItemEditor } from './ItemEditor';

export default function CatalogueAdmin() {
  const t = useT();
  const { session } = useSession();
  // The server refuses every change from anyone else; saying so up front spares a wasted edit.
  const isAdmin = session.status === 'signedIn' && session.me.roles.some((r) => r.role === 'admin');
  if (!isAdmin) return <Alert type="warning" showIcon title={t('admin.notAdmin')} />;
  return (
    <Routes>
      <Route index element={<CatalogueList />} />
      <Route path="items/:key" element={<ItemEditor />} />
      <Route path="bundles/:key" element={<BundleEditor />} />
    </Routes>
  );
}
