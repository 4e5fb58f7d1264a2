import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { WorkbenchTheme } from '../../cases/theme';
import { Loading } from '../../shell/Loading';
import { Shell } from '../../shell/Shell';
import { ReviewQueue } from './ReviewQueue';

// The case page and the supervisor's view bring Form, Modal and the case components.
const ReviewCase = lazy(() => import('./ReviewCase'));
const Supervise = lazy(() => import('./Supervise'));

export default function ReviewChannel() {
  return (
    <Shell channel="review" requireAuth>
      <WorkbenchTheme>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route index element={<ReviewQueue />} />
            <Route path="cases/:id" element={<ReviewCase />} />
            <Route path="supervise" element={<Supervise />} />
            <Route path="*" element={<Navigate to="/review" replace />} />
          </Routes>
        </Suspense>
      </WorkbenchTheme>
    </Shell>
  );
}
