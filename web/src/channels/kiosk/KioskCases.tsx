import { Alert, Empty } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api';
import type { CaseSummary } from '../../cases/model';
import { useT, type MessageKey } from '../../i18n';
import { kioskRoutes } from './routes';
import { useLocalText } from '../../cases/useLocalText';

const EDITABLE = new Set(['draft', 'correction']);

/**
 * The signed-in person's cases. As receipts: those that have been accepted, each with its
 * acceptance notice (受理通知书) as PDF, which is the kiosk's receipt.
 */
export function KioskCases({ mode }: { mode: 'cases' | 'receipts' }) {
  const t = useT();
  const text = useLocalText();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<{ data: CaseSummary[] }>('/api/v1/cases?limit=50', controller.signal)
      .then((r) => setCases(r.data))
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof ApiError ? e.message : String(e));
      });
    return () => controller.abort();
  }, []);

  // What waits for the resident comes first: a draft to finish, a correction to answer.
  const shown =
    mode === 'receipts'
      ? (cases ?? []).filter((c) => c.number && c.acceptedOn && c.state !== 'declined')
      : [...(cases ?? [])].sort(
          (a, b) => Number(EDITABLE.has(b.state)) - Number(EDITABLE.has(a.state)),
        );
  const title = t(mode === 'cases' ? 'kiosk.cases.title' : 'kiosk.receipts.title');

  return (
    <section aria-labelledby="kiosk-list-title">
      <Link to="/kiosk" className="ot-kiosk-back">
        ← {t('kiosk.back')}
      </Link>
      <h2 id="kiosk-list-title">{title}</h2>
      {mode === 'cases' && <p>{t('kiosk.cases.draftHint')}</p>}
      {error && <Alert type="error" showIcon title={error} />}
      {cases && !shown.length && (
        <Empty description={t(mode === 'cases' ? 'kiosk.cases.empty' : 'kiosk.receipts.empty')} />
      )}
      <ul className="ot-kiosk-list" data-testid={`kiosk-${mode}`}>
        {shown.map((c) => (
          <li key={c.id} className="ot-kiosk-list-item">
            <span className="ot-kiosk-list-title">{text.caseTitle(c)}</span>
            <span>
              {c.number ? t('kiosk.cases.number', { number: c.number }) : t('kiosk.cases.noNumber')}
            </span>
            <span className="ot-kiosk-state">{t(`case.state.${c.state}` as MessageKey)}</span>
            {mode === 'cases' && (
              <Link
                className={`ot-kiosk-print${EDITABLE.has(c.state) ? '' : ' ot-kiosk-secondary'}`}
                to={kioskRoutes.case(c.id)}
                data-testid="kiosk-open-case"
              >
                {c.state === 'draft'
                  ? t('kiosk.cases.continue')
                  : c.state === 'correction'
                    ? t('kiosk.cases.correct')
                    : t('kiosk.cases.open')}
              </Link>
            )}
            {mode === 'receipts' && (
              <a
                className="ot-kiosk-print"
                href={`/api/v1/cases/${c.id}/notices/acceptance`}
                type="application/pdf"
              >
                {t('kiosk.receipts.print')}
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
