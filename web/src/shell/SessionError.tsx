import { Alert, Button } from 'antd';
import type { ApiError } from '../api';
import { useSession } from '../auth/session';
import { useT } from '../i18n';

// An Alert rather than antd's Result: Result ships large illustrations, and this component sits
// in every channel's first load.
export function SessionError({ error }: { error: ApiError }) {
  const t = useT();
  const { reload } = useSession();
  return (
    <main className="ot-main">
      <Alert
        type="error"
        showIcon
        title={t('error.session')}
        description={error.message}
        action={<Button onClick={reload}>{t('error.retry')}</Button>}
      />
    </main>
  );
}
