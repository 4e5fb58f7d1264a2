import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { WorkbenchTheme } from '../../cases/theme';
import { Loading } from '../../shell/Loading';
import { Shell } from '../../shell/Shell';
import { CounterHome } from './CounterHome';

// The case page brings antd's Form, Select and the case components: a chunk of its own.
const CounterCase = lazy(() => import('./CounterCase'));

export default function CounterChannel() {
  return (
    <Shell channel="counter" requireAuth>
      <WorkbenchTheme>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route index element={<CounterHome />} />
            <Route path="cases/:id" element={<CounterCase />} />
            <Route path="*" element={<Navigate to="/counter" replace />} />
          </Routes>
        </Suspense>
      </WorkbenchTheme>
    </Shell>
  );
}
