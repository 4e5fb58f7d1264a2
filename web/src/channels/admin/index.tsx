import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Loading } from '../../shell/Loading';
import { Shell } from '../../shell/Shell';
import { AdminHome } from './AdminHome';

// The catalogue pages bring antd's Table, Form and Select: only admins who open them pay for that.
const Catalogue = lazy(() => import('./catalogue'));

export default function AdminChannel() {
  return (
    <Shell channel="admin" requireAuth>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<AdminHome />} />
          <Route path="catalogue/*" element={<Catalogue />} />
          <Route path="*" element={<Navigate to="/admin" replace />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}
