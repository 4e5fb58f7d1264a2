import { Alert, Button, Input } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n';
import {
  kioskFetch,
  readKioskKey,
  storeKioskKey,
  type DeviceInfo,
  type ErrorAnswer,
} from './device';

/** Staff enter the kiosk's key once; it is checked against the server and kept in this browser. */
export function Setup() {
  const t = useT();
  const [key, setKey] = useState(readKioskKey() ?? '');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async () => {
    const answer = await kioskFetch<DeviceInfo | ErrorAnswer>(key.trim(), 'GET', '/kiosk/device');
    if (answer.status === 200 && answer.body && 'name' in answer.body) {
      storeKioskKey(key.trim());
      setResult({
        ok: true,
        text: t('kiosk.setup.saved', {
          name: answer.body.name,
          seconds: answer.body.idleSeconds,
        }),
      });
    } else {
      const body = answer.body as ErrorAnswer | null;
      setResult({ ok: false, text: body?.error.message ?? t('error.network') });
    }
  };

  return (
    <section className="ot-kiosk-setup" aria-labelledby="kiosk-setup-title">
      <h2 id="kiosk-setup-title">{t('kiosk.setup.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor="kiosk-key">{t('kiosk.setup.keyLabel')}</label>
        <Input.Password
          id="kiosk-key"
          value={key}
          autoComplete="off"
          onChange={(e) => setKey(e.target.value)}
        />
        <div className="ot-kiosk-card-tools">
          <Button type="primary" htmlType="submit">
            {t('kiosk.setup.save')}
          </Button>
          <Button
            onClick={() => {
              storeKioskKey(null);
              setKey('');
              setResult(null);
            }}
          >
            {t('kiosk.setup.clear')}
          </Button>
        </div>
      </form>
      {result && (
        <Alert
          type={result.ok ? 'success' : 'error'}
          showIcon
          role={result.ok ? 'status' : 'alert'}
          title={result.text}
          className="ot-alert"
        />
      )}
      <Link to="/kiosk">{t('kiosk.setup.back')}</Link>
    </section>
  );
}
