import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useSession } from '../../../auth/session';
import { WorkbenchTheme } from '../../../cases/theme';
import { useT } from '../../../i18n';
import { Shell } from '../../../shell/Shell';
import { Apply } from './Apply';
import { CasePage } from './CasePage';
import { MyCases } from './MyCases';
import styles from './portal-cases.module.css';

/**
 * The citizen's side of a case, one chunk for three routes: /apply/:kind/:key starts an
 * application, /cases lists mine, /cases/:id is one of them (filled in, corrected, followed, rated).
 */
export default function PortalCases() {
  const { kind, key, id } = useParams();
  return (
    <Shell channel="portal" requireAuth>
      {/* The darker error red keeps the form's messages readable (WCAG AA). */}
      <WorkbenchTheme>
        <div className={styles.page}>
          <ApplicantOnly>
            {kind !== undefined && key !== undefined ? (
              <Apply kind={kind} subjectKey={key} />
            ) : id !== undefined ? (
              <CasePage id={id} />
            ) : (
              <MyCases />
            )}
          </ApplicantOnly>
        </div>
      </WorkbenchTheme>
    </Shell>
  );
}

/** Staff work in their workbenches; the portal's case pages are the applicant's. */
function ApplicantOnly({ children }: { children: ReactNode }) {
  const t = useT();
  const { session } = useSession();
  if (session.status !== 'signedIn') return null;
  const { me } = session;
  if (me.kind !== 'staff' || me.roles.some((r) => r.role === 'applicant')) return <>{children}</>;
  return (
    <Alert
      type="info"
      showIcon
      title={t('apply.staffOnly')}
      description={
        <ul className="ot-inline-list">
          <li>
            <Link to="/counter">{t('apply.staffOnly.counter')}</Link>
          </li>
          <li>
            <Link to="/review">{t('apply.staffOnly.review')}</Link>
          </li>
        </ul>
      }
    />
  );
}
