import { Alert, Card } from 'antd';
import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { useT } from '../i18n';
import { CaseFacts } from './CaseFacts';
import styles from './cases.module.css';
import { CorrectionList } from './CorrectionList';
import { FormView } from './FormView';
import { MaterialsView } from './MaterialsView';
import type { CaseDetail } from './model';
import { NoticeLinks } from './NoticeLinks';
import { PersonalDataReveal, type PersonalData } from './PersonalDataReveal';
import { Timeline } from './Timeline';
import { useLocalText } from './useLocalText';

export { styles as caseStyles };

export function CaseSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

export interface CaseLayoutProps {
  detail: CaseDetail;
  /** Above the title: the way back to the queue. */
  back?: ReactNode;
  /** Beside the case (below it on narrow screens): what the user can do about it. */
  aside?: ReactNode;
  /** A line announced after an action ("accepted: number …"). */
  status?: ReactNode;
}

/** A case as a workbench shows it: facts, notices, correction, form, materials, steps, history. */
export function CaseLayout({ detail, back, aside, status }: CaseLayoutProps) {
  const t = useT();
  const text = useLocalText();
  // Revealed values belong to this case and this version of it; a reload masks them again.
  const [revealed, setRevealed] = useState<{ at: string; data: PersonalData } | null>(null);
  const stamp = `${detail.id}:${detail.version}`;
  const personal = revealed?.at === stamp ? revealed.data : null;
  return (
    <article className="ot-wide" aria-labelledby="case-title" data-case={detail.id}>
      {back}
      <div className={styles.heading}>
        <h2 id="case-title">{text.caseTitle(detail)}</h2>
        <span className={styles.number} data-testid="case-number">
          {detail.number ?? t('case.facts.noNumber')}
        </span>
      </div>
      <div role="status" aria-live="polite">
        {status}
      </div>
      <div className={styles.layout}>
        <div>
          <CaseSection title={t('case.section.facts')}>
            <CaseFacts detail={detail} />
            <NoticeLinks detail={detail} />
          </CaseSection>
          {detail.correction && detail.state === 'correction' && (
            <CaseSection title={t('case.section.correction')}>
              <Alert
                type="warning"
                showIcon
                title={t('case.correction.pending', { date: detail.correction.requestedAt })}
                description={
                  <CorrectionList subject={detail.subject} items={detail.correction.items} />
                }
              />
            </CaseSection>
          )}
          <CaseSection title={t('case.section.form')}>
            <FormView
              subject={detail.subject}
              formData={personal ? { ...detail.formData, ...personal.formData } : detail.formData}
            />
            <PersonalDataReveal
              key={stamp}
              caseId={detail.id}
              formData={detail.formData}
              deliveryPhone={detail.deliveryChoice?.post?.phone}
              onReveal={(data) => setRevealed({ at: stamp, data })}
            />
            {personal?.deliveryPhone && (
              <p data-testid="pii-delivery-phone">
                {t('case.pii.deliveryPhone', { phone: personal.deliveryPhone })}
              </p>
            )}
          </CaseSection>
          <CaseSection title={t('case.section.materials')}>
            <MaterialsView subject={detail.subject} materials={detail.materials} />
          </CaseSection>
          <CaseSection title={t('case.section.progress')}>
            <Timeline detail={detail} />
          </CaseSection>
        </div>
        {aside && (
          <aside className={styles.aside} aria-label={t('case.section.work')}>
            {aside}
          </aside>
        )}
      </div>
    </article>
  );
}

/** One panel of the aside: a titled card. */
export function WorkCard({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card
      title={<h3 style={{ margin: 0, fontSize: 16 }}>{title}</h3>}
      size="small"
      data-testid={testId}
    >
      {children}
    </Card>
  );
}
