import type { NoticeInput } from '../../shared/pdf/notice.ts';
import { AppError } from '../../shared/app-error.ts';

export const NOTICE_KINDS = ['acceptance', 'correction', 'decline'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The parts of a case detail (see queries.getCase) that a notice prints. */
export interface NoticeFacts {
  id: string;
  number: string | null;
  title: string;
  applicantName: string;
  acceptedOn: string | null;
  promisedDue: string | null;
  statutoryDue: string | null;
  timeline: { action: string; at: string; data: Record<string, unknown> }[];
}

const TITLES: Record<NoticeKind, string> = {
  acceptance: '受理通知书',
  correction: '补正材料一次性告知书',
  decline: '不予受理通知书',
};
const EVENTS: Record<NoticeKind, string> = {
  acceptance: 'accept',
  correction: 'request_correction',
  decline: 'decline',
};

// Made once: building an Intl.DateTimeFormat costs far more than formatting with one.
const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
const shanghaiDay = (iso: string) => shanghaiDate.format(new Date(iso));

/**
 * The notice the law requires at intake (行政许可法 art. 32): acceptance with the case number and
 * the promised date; the one-time list of everything to correct; or the refusal with its reason,
 * legal basis and the applicant's remedies. Built from the timeline event, so a correction
 * notice can still be printed after the applicant has answered it.
 */
export function buildNotice(kind: NoticeKind, c: NoticeFacts, issuer: string): NoticeInput {
  const event = c.timeline.filter((e) => e.action === EVENTS[kind]).at(-1);
  if (!event) throw new AppError(404, 'not_found', { what: TITLES[kind] });
  const issuedOn = shanghaiDay(event.at);
  const base = {
    title: TITLES[kind],
    addressee: c.applicantName,
    issuer,
    issuedOn,
    verifyText: `办件编号 ${c.number ?? '—'} · 可在“我的办件”或任一窗口查验`,
  };
  if (kind === 'acceptance') {
    return {
      ...base,
      documentNumber: `西湖受字〔${issuedOn.slice(0, 4)}〕${c.number}号`,
      paragraphs: [
        `你（单位）于${issuedOn}提出的“${c.title}”申请，材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，决定予以受理。`,
        '办理期限自受理之日的次一工作日起按工作日计算；依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在期限内。',
        '你可以凭办件编号在门户网站、“浙里办”或任一窗口查询办理进度。',
      ],
      table: [
        { label: '办件编号', value: c.number ?? '—' },
        { label: '事项', value: c.title },
        { label: '受理日期', value: c.acceptedOn ?? issuedOn },
        { label: '承诺办结日期', value: c.promisedDue ?? '—' },
        { label: '法定办结日期', value: c.statutoryDue ?? '—' },
      ],
    };
  }
  if (kind === 'correction') {
    const items = (event.data['corrections'] ?? []) as { field: string; message: string }[];
    return {
      ...base,
      documentNumber: `西湖补字〔${issuedOn.slice(0, 4)}〕${c.id.slice(0, 8)}号`,
      paragraphs: [
        `你（单位）提出的“${c.title}”申请，材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知需要补正的全部内容：`,
        ...items.map((it, i) => `${i + 1}. ${it.message}`),
        '补正期间不计入办理期限。请补正后重新提交，无需再次到现场。',
      ],
    };
  }
  const reason = String(event.data['reason'] ?? '');
  const basis = String(event.data['legalBasis'] ?? '');
  return {
    ...base,
    documentNumber: `西湖不受字〔${issuedOn.slice(0, 4)}〕${c.number}号`,
    paragraphs: [
      `你（单位）于${issuedOn}提出的“${c.title}”申请，经审查，决定不予受理。`,
      `理由：${reason}`,
      `依据：${basis}`,
      '如不服本决定，可以自收到本通知书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
    ],
    table: [
      { label: '办件编号', value: c.number ?? '—' },
      { label: '事项', value: c.title },
    ],
  };
}
