import { useT } from '../i18n';
import { noticeLabel } from './labels';
import { availableNotices, noticeUrl, type CaseDetail, type NoticeKind } from './model';

/** A link to one intake notice as PDF, opened in a new tab to print. */
export function NoticeLink({ caseId, kind }: { caseId: string; kind: NoticeKind }) {
  const t = useT();
  return (
    <a href={noticeUrl(caseId, kind)} target="_blank" rel="noopener" data-notice={kind}>
      {t('case.notice.print', { notice: noticeLabel(t, kind) })}
      <span className="ot-visually-hidden">{t('case.notice.newTab')}</span>
    </a>
  );
}

/** Every notice the case can print (受理通知书, 补正告知书, 不予受理通知书); nothing if none. */
export function NoticeLinks({ detail }: { detail: Pick<CaseDetail, 'id' | 'timeline'> }) {
  const t = useT();
  const kinds = availableNotices(detail);
  if (!kinds.length) return null;
  return (
    <nav aria-label={t('case.notice.title')} data-testid="case-notices">
      <ul className="ot-inline-list" style={{ margin: '8px 0' }}>
        {kinds.map((kind) => (
          <li key={kind}>
            <NoticeLink caseId={detail.id} kind={kind} />
          </li>
        ))}
      </ul>
    </nav>
  );
}
