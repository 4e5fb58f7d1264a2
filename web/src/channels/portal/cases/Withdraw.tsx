import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../../api';
import { casePath, isLive, type CaseDetail } from '../../../cases/model';
import { useT } from '../../../i18n';
import styles from './portal-cases.module.css';

const WITHDRAWABLE = new Set(['submitted', 'in_review', 'correction']);

/**
 * The step a withdrawal goes through: any live intake or review step (the delivery step comes
 * after the decision, when withdrawing is no longer possible). The server lists no actions for an
 * applicant on a step, so this follows the process every application has.
 */
export function withdrawStep(detail: CaseDetail) {
  if (!WITHDRAWABLE.has(detail.state) || detail.kind !== 'service_application') return null;
  return (
    detail.tasks.find(
      (task) => isLive(task) && (task.stepKey === 'intake' || task.stepKey.startsWith('review:')),
    ) ?? null
  );
}

/**
 * 撤回申请: while no decision is made, after a confirmation asked on the page itself rather than
 * in a pop-up (elder mode: no pop-ups; a dialog is also easy to lose on a phone or a kiosk).
 */
export function Withdraw({
  detail,
  onChange,
}: {
  detail: CaseDetail;
  onChange: (detail: CaseDetail, message?: string) => void;
}) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const step = withdrawStep(detail);
  if (!step) return null;

  const withdraw = async () => {
    setError(null);
    setBusy(true);
    try {
      const next = await api.post<CaseDetail>(`${casePath(detail.id)}/actions`, {
        taskId: step.id,
        action: 'withdraw',
        version: step.version,
      });
      onChange(next, t('apply.withdraw.done'));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="withdraw-title">
      <h3 id="withdraw-title">{t('apply.withdraw.title')}</h3>
      <p className="ot-note">{t('apply.withdraw.hint')}</p>
      {error && <Alert className="ot-alert" type="error" showIcon title={error} />}
      {confirming ? (
        <div role="group" aria-labelledby="withdraw-confirm" data-testid="withdraw-confirm">
          <p id="withdraw-confirm">
            <strong>{t('apply.withdraw.confirmTitle')}</strong>{' '}
            {t('apply.withdraw.confirmBody', { title: detail.title })}
          </p>
          <Space wrap>
            <Button danger type="primary" loading={busy} onClick={() => void withdraw()}>
              {t('apply.withdraw.confirm')}
            </Button>
            <Button onClick={() => setConfirming(false)} disabled={busy}>
              {t('apply.withdraw.cancel')}
            </Button>
          </Space>
        </div>
      ) : (
        <Button danger onClick={() => setConfirming(true)} data-testid="withdraw">
          {t('apply.withdraw.button')}
        </Button>
      )}
    </section>
  );
}
