import { ConfigProvider } from 'antd';
// The ESM paths: `antd/locale/*` are CommonJS shims that would bundle a second copy of the
// locale tables from antd/lib.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useLocale } from './i18n';
import { Loading } from './shell/Loading';

// Every channel is its own chunk, so a citizen opening the portal never downloads the back-office
// workbenches (and vice versa).
const Portal = lazy(() => import('./channels/portal'));
// Guides are opened from search results and shared links alike: a chunk of their own.
const Guide = lazy(() => import('./channels/portal/guide'));
const PortalCases = lazy(() => import('./channels/portal/cases'));
const Wallet = lazy(() => import('./channels/portal/certificates'));
const Ratings = lazy(() => import('./channels/portal/ratings'));
const Verify = lazy(() => import('./channels/verify'));
const Mobile = lazy(() => import('./channels/mobile'));
const Kiosk = lazy(() => import('./channels/kiosk'));
const Counter = lazy(() => import('./channels/counter'));
const Review = lazy(() => import('./channels/review'));
const Admin = lazy(() => import('./channels/admin'));
const Brain = lazy(() => import('./channels/brain'));
const Login = lazy(() => import('./login'));
const NotFound = lazy(() => import('./shell/NotFound'));

// antd's defaults put secondary text and the primary blue below WCAG AA contrast on white.
const theme = {
  token: {
    colorPrimary: '#0958d9',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  },
};

// antd spaces out two-character Chinese labels ("登 录"), which changes their accessible name.
const button = { autoInsertSpace: false };

export function App() {
  const { locale } = useLocale();
  return (
    <ConfigProvider locale={locale === 'en-US' ? enUS : zhCN} theme={theme} button={button}>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<Portal />} />
          <Route path="/guide/:kind/:key" element={<Guide />} />
          <Route path="/apply/:kind/:key" element={<PortalCases />} />
          <Route path="/cases" element={<PortalCases />} />
          <Route path="/cases/:id" element={<PortalCases />} />
          <Route path="/certificates" element={<Wallet />} />
          <Route path="/ratings" element={<Ratings />} />
          <Route path="/verify" element={<Verify />} />
          <Route path="/login" element={<Login />} />
          <Route path="/m/*" element={<Mobile />} />
          <Route path="/kiosk/*" element={<Kiosk />} />
          <Route path="/counter/*" element={<Counter />} />
          <Route path="/review/*" element={<Review />} />
          <Route path="/admin/*" element={<Admin />} />
          <Route path="/brain/*" element={<Brain />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </ConfigProvider>
  );
}
