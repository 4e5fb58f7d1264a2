import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api';
import { useSession } from '../auth/session';
import { useT } from '../i18n';

/** Who the server lets see a case's resident IDs and phone numbers in full. */
const READERS = new Set(['window_clerk', 'reviewer', 'supervisor', 'admin']);

export interface PersonalData {
  formData: Record<string, string>;
  deliveryPhone: string | null;
}

/** A resident ID or phone the server masked (the data element decides, as on the server). */
export const isMaskedPersonalValue = (key: string, value: unknown) =>
  /(^|\.)(resident_id|phone)$/.test(key) && typeof value === 'string' && value.includes('*');

/**
 * Staff see a form's resident IDs and phone numbers masked; this asks for them in full, which
 * the server records in the audit trail, so it is a deliberate click and says so.
 */
export function PersonalDataReveal({
  caseId,
  formData,
  deliveryPhone,
  onReveal,
}: {
  caseId: string;
  formData: Record<string, unknown>;
  /** The postal delivery choice's phone, as shown. */
  deliveryPhone?: string | undefined;
  onReveal: (data: PersonalData) => void;
}) {
  const t = useT();
  const { session } = useSession();
  const [state, setState] = useState<'idle' | 'busy' | 'done' | { error: string }>('idle');
  const masked =
    Object.entries(formData).some(([k, v]) => isMaskedPersonalValue(k, v)) ||
    isMaskedPersonalValue('phone', deliveryPhone);
  const mayRead =
    session.status === 'signedIn' && session.me.roles.some((r) => READERS.has(r.role));
  if (!masked || !mayRead) return null;
  if (state === 'done') {
    return <Typography.Text type="secondary">{t('case.pii.revealed')}</Typography.Text>;
  }
  const reveal = async () => {
    setState('busy');
    try {
      onReveal(await api.get<PersonalData>(`/api/v1/cases/${caseId}/personal-data`));
      setState('done');
    } catch (e) {
      setState({ error: e instanceof ApiError ? e.message : String(e) });
    }
  };
  return (
    <div data-testid="pii-reveal">
      <Space wrap>
        <Typography.Text type="secondary">{t('case.pii.masked')}</Typography.Text>
        <Button size="small" loading={state === 'busy'} onClick={() => void reveal()}>
          {t('case.pii.reveal')}
        </Button>
      </Space>
      {typeof state === 'object' && <Alert type="error" showIcon title={state.error} />}
    </div>
  );
}
