import { useT } from '../i18n';

// Deliberately antd-free: this is the Suspense fallback in the entry chunk, so it must not pull
// components into the portal's first load.
export function Loading() {
  const t = useT();
  return (
    <div className="ot-loading" role="status" aria-live="polite">
      {t('app.loading')}
    </div>
  );
}
