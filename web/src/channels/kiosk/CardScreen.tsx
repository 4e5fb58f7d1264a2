import { Alert, Button, Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n';
import { kioskFetch, type ClaimAnswer, type ErrorAnswer, readKioskKey } from './device';

const POLL_MS = 1000;

/**
 * The screen a kiosk shows between visitors: put the ID card on the reader. The reader posts the
 * card to the server; this page asks every second whether a card was read here and then holds
 * the holder's session. A keyboard-wedge reader types the number into the focused field instead.
 */
export function CardScreen({ notice }: { notice: string | null }) {
  const t = useT();
  const { reload } = useSession();
  const key = readKioskKey();
  const [message, setMessage] = useState<string | null>(notice);
  const [busy, setBusy] = useState(false);
  const [wedge, setWedge] = useState('');
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    let timer = 0;
    const poll = async () => {
      try {
        const answer = await kioskFetch<ClaimAnswer | ErrorAnswer>(
          key,
          'POST',
          '/kiosk/sessions',
          {},
          controller.signal,
        );
        if (answer.status === 200 && answer.body && 'status' in answer.body) {
          if (answer.body.status === 'signed_in') {
            reload();
            return;
          }
          setMessage(answer.body.message);
        } else if (answer.status === 401 && answer.body && 'error' in answer.body) {
          setMessage(answer.body.error.message);
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      timer = window.setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [key, reload]);

  // The wedge reader types into whatever has focus: keep it on the field.
  useEffect(() => {
    field.current?.focus();
  }, []);

  if (!key) {
    return (
      <section className="ot-kiosk-card" aria-labelledby="kiosk-card-title">
        <h2 id="kiosk-card-title">{t('kiosk.setup.needed')}</h2>
        <Link to="/kiosk/setup">{t('kiosk.setup.link')}</Link>
      </section>
    );
  }

  const submitWedge = async () => {
    const residentId = wedge.trim();
    if (!residentId) return;
    setBusy(true);
    setMessage(null);
    try {
      const answer = await kioskFetch<ErrorAnswer>(key, 'POST', '/kiosk/wedge-reads', {
        residentId,
      });
      if (answer.status !== 201) setMessage(answer.body?.error.message ?? t('error.network'));
    } catch {
      setMessage(t('error.network'));
    } finally {
      setWedge('');
      setBusy(false);
      field.current?.focus();
    }
  };

  const face = async () => {
    const answer = await kioskFetch<ErrorAnswer>(key, 'POST', '/kiosk/face-verifications', {
      residentId: '',
      image: '',
    }).catch(() => null);
    setMessage(answer?.body?.error.message ?? t('error.network'));
  };

  return (
    <section className="ot-kiosk-card" aria-labelledby="kiosk-card-title">
      <h2 id="kiosk-card-title">{t('kiosk.card.title')}</h2>
      <div className="ot-kiosk-card-art" aria-hidden="true" />
      <p>{t('kiosk.card.hint')}</p>
      <p className="ot-kiosk-status" role="status" data-testid="kiosk-card-status">
        {busy ? t('kiosk.card.reading') : t('kiosk.card.waiting')}
      </p>
      {message && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="kiosk-card-message"
          title={message}
          className="ot-alert"
        />
      )}
      <form
        className="ot-kiosk-wedge"
        onSubmit={(e) => {
          e.preventDefault();
          void submitWedge();
        }}
      >
        <label htmlFor="kiosk-wedge">{t('kiosk.card.wedgeLabel')}</label>
        <div className="ot-kiosk-wedge-row">
          <Input
            id="kiosk-wedge"
            ref={(el) => {
              field.current = el?.input ?? null;
            }}
            value={wedge}
            autoComplete="off"
            inputMode="numeric"
            maxLength={18}
            onChange={(e) => setWedge(e.target.value)}
          />
          <Button htmlType="submit" type="primary" loading={busy}>
            {t('kiosk.card.wedgeSubmit')}
          </Button>
        </div>
      </form>
      <div className="ot-kiosk-card-tools">
        <Button onClick={() => void face()}>{t('kiosk.face.button')}</Button>
        <Link to="/kiosk/setup">{t('kiosk.setup.link')}</Link>
      </div>
    </section>
  );
}
