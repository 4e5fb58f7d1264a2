import { useEffect, useRef, useState } from 'react';
import { api } from '../../api';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;
// The server's idle clock runs on requests: activity is reported at most this often.
const KEEP_ALIVE_MS = 5_000;

/**
 * Counts down the seconds left before an idle kiosk session ends; any touch, key or scroll starts
 * it again. At zero, `onIdle` runs once. The server keeps the same limit on its side (a request
 * after it answers 401), so activity is reported to it as well.
 */
export function useIdle(limitSeconds: number, onIdle: () => void): number {
  const [left, setLeft] = useState(limitSeconds);
  const last = useRef(Date.now());
  const lastPing = useRef(Date.now());
  const fired = useRef(false);
  const idle = useRef(onIdle);
  idle.current = onIdle;

  useEffect(() => {
    last.current = Date.now();
    fired.current = false;
    const onActivity = () => {
      last.current = Date.now();
      setLeft(limitSeconds);
      if (Date.now() - lastPing.current > KEEP_ALIVE_MS) {
        lastPing.current = Date.now();
        api.get('/api/v1/me').catch(() => {
          // A 401 means the server already ended the session: the next tick signs out.
        });
      }
    };
    for (const e of ACTIVITY) window.addEventListener(e, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      const remaining = Math.max(0, limitSeconds - Math.floor((Date.now() - last.current) / 1000));
      setLeft(remaining);
      if (remaining === 0 && !fired.current) {
        fired.current = true;
        idle.current();
      }
    }, 250);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, onActivity);
      window.clearInterval(timer);
    };
  }, [limitSeconds]);
  return left;
}
