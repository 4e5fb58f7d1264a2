import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Loading } from '../../shell/Loading';
import { Shell } from '../../shell/Shell';
import { CaseRoutesContext } from '../portal/cases/paths';
import { MobileHome } from './MobileHome';
import { mobileRoutes } from './routes';
import './mobile.css';

// The guide and the case pages bring antd's Form and the case components: chunks of their own, so
// the phone's first page stays light on a mobile connection.
const MobileFind = lazy(() => import('./MobileFind'));
const MobileGuide = lazy(() => import('./MobileGuide'));
const MobileCases = lazy(() => import('./MobileCases'));
const MobileWallet = lazy(() => import('./MobileWallet'));

/** 掌上办: the citizen's journeys laid out for a phone, on the same cases as every channel. */
export default function MobileChannel() {
  return (
    <Shell channel="mobile" variant="mobile">
      <CaseRoutesContext value={mobileRoutes}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route index element={<MobileHome />} />
            <Route path="search" element={<MobileFind />} />
            <Route path="events/:stage" element={<MobileFind />} />
            <Route path="guide/:kind/:key" element={<MobileGuide />} />
            <Route path="apply/:kind/:key" element={<MobileCases />} />
            <Route path="cases" element={<MobileCases />} />
            <Route path="cases/:id" element={<MobileCases />} />
            <Route path="certificates" element={<MobileWallet />} />
            <Route path="*" element={<MobileHome />} />
          </Routes>
        </Suspense>
      </CaseRoutesContext>
    </Shell>
  );
}
