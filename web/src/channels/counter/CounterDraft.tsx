import { useState, type ReactNode } from 'react';
import { CaseSection } from '../../cases/CaseLayout';
import { caseChannelLabel } from '../../cases/labels';
import type { CaseDetail } from '../../cases/model';
import { PersonalDataReveal, type PersonalData } from '../../cases/PersonalDataReveal';
import { Timeline } from '../../cases/Timeline';
import { useT } from '../../i18n';
import { ApplicationForm } from '../portal/cases/ApplicationForm';

/**
 * A resident's draft (or correction) opened at the window, wherever it was begun: the clerk
 * completes the same merged form on their behalf, ticks the paper handed over, and submits it.
 * The case stays the resident's: it shows on their portal, phone and kiosk.
 */
export function CounterDraft({
  detail,
  back,
  status,
  onChange,
  reload,
}: {
  detail: CaseDetail;
  back: ReactNode;
  status: ReactNode;
  onChange: (next: CaseDetail, message?: string) => void;
  reload: () => void;
}) {
  const t = useT();
  const begun = detail.timeline.find((e) => e.action === 'draft')?.channel ?? detail.channel;
  // Revealed for this version of the draft; the form takes them in where still masked.
  const [revealed, setRevealed] = useState<{ at: number; data: PersonalData } | null>(null);
  const personal = revealed?.at === detail.version ? revealed.data : null;
  return (
    <article className="ot-wide" aria-labelledby="case-title" data-case={detail.id}>
      {back}
      <h2 id="case-title">{detail.title}</h2>
      <div role="status" aria-live="polite">
        {status}
      </div>
      <CaseSection title={t('counter.draft.title')}>
        <p data-testid="counter-draft-intro">
          {detail.state === 'draft'
            ? t('counter.draft.intro', {
                name: detail.applicantName,
                channel: caseChannelLabel(t, begun),
              })
            : t('counter.draft.correction', { name: detail.applicantName })}
        </p>
        <PersonalDataReveal
          key={detail.version}
          caseId={detail.id}
          formData={detail.formData}
          deliveryPhone={detail.deliveryChoice?.post?.phone}
          onReveal={(data) => setRevealed({ at: detail.version, data })}
        />
        <ApplicationForm
          key={detail.id}
          detail={detail}
          onChange={onChange}
          reload={reload}
          materialsBy="counter"
          personalData={personal}
        />
      </CaseSection>
      <CaseSection title={t('case.section.progress')}>
        <Timeline detail={detail} hideSteps={detail.tasks.length === 0} />
      </CaseSection>
    </article>
  );
}
