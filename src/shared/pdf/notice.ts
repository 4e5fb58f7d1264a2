import type PDFDocument from 'pdfkit';
import { loadFont } from './fonts.ts';

/** An official notice: 受理通知书, 不予受理通知书, 补正告知书, and the like. */
export interface NoticeInput {
  /** e.g. '受理通知书' */
  title: string;
  /** e.g. '西湖受〔2026〕330106-20261128-000042号' */
  documentNumber: string;
  /** The applicant's name, printed as the salutation '{addressee}：'. */
  addressee: string;
  /** Body text, one entry per paragraph; long lines wrap, each paragraph is indented two characters. */
  paragraphs: string[];
  /** Key facts (item, case number, dates, time limits) as label/value rows. */
  table?: { label: string; value: string }[];
  /** e.g. '杭州市西湖区行政服务中心' */
  issuer: string;
  /** 'YYYY-MM-DD', printed as '2026年11月28日'. */
  issuedOn: string;
  /** Optional footer line on every page, e.g. the URL where the notice can be checked. */
  verifyText?: string;
}

export interface RenderOptions {
  /**
   * The creation date written into the PDF. Fixing it (or setting SOURCE_DATE_EPOCH, in
   * seconds) makes the output deterministic: the same input gives the same bytes.
   * Default: SOURCE_DATE_EPOCH when set, else now.
   */
  creationDate?: Date;
}

// A4 in points. Margins follow GB/T 9704 roughly: 28 mm left, 26 mm right; the bottom margin
// leaves room for the footer (verification line and page numbers).
const MARGINS = { top: 72, bottom: 84, left: 79, right: 74 };
const TITLE_SIZE = 22; // 二号
const BODY_SIZE = 12;
const FOOTER_SIZE = 9;
const LINE_GAP = 5;
const PARAGRAPH_GAP = 4;
const TEXT_COLOR = '#000000';
const MUTED_COLOR = '#555555';
const RULE_COLOR = '#808080';
const LABEL_FILL = '#f2f2f2';
const REGULAR = 'NotoSansSC-Regular';
const BOLD = 'NotoSansSC-Bold';

type Doc = InstanceType<typeof PDFDocument>;

/** Renders a notice as an A4 PDF with Noto Sans SC embedded as a subset. */
export async function renderNotice(
  input: NoticeInput,
  options: RenderOptions = {},
): Promise<Buffer> {
  const issuedOn = formatChineseDate(input.issuedOn);
  const [regular, bold] = await Promise.all([loadFont('regular'), loadFont('bold')]);

  // Loaded on the first notice, not at start-up: pdfkit takes a third of a second to import.
  const { default: PDFDocumentClass } = await import('pdfkit');
  const doc = new PDFDocumentClass({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true, // page numbers are written once the page count is known
    font: null,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: input.title,
      Subject: input.documentNumber,
      Author: input.issuer,
      Creator: 'OneTrip',
      CreationDate: creationDate(options),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(REGULAR, regular).registerFont(BOLD, bold);

  drawHeading(doc, input);
  drawBody(doc, input);
  if (input.table && input.table.length > 0) drawTable(doc, input.table);
  drawSignature(doc, input.issuer, issuedOn);
  drawFooters(doc, input.verifyText);

  doc.end();
  return finished;
}

/** '2026-11-28' → '2026年11月28日' (no leading zeros, as GB/T 9704 writes dates). */
export function formatChineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const [year, month, day] = (match ?? []).slice(1).map(Number);
  if (year === undefined || month === undefined || day === undefined) {
    throw new RangeError(`issuedOn must be YYYY-MM-DD, got '${isoDate}'`);
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new RangeError(`issuedOn is not a calendar date: '${isoDate}'`);
  }
  return `${year}年${month}月${day}日`;
}

function creationDate(options: RenderOptions): Date {
  if (options.creationDate) return options.creationDate;
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}

function contentBox(doc: Doc): { left: number; width: number; bottom: number } {
  const { width, height, margins } = doc.page;
  return {
    left: margins.left,
    width: width - margins.left - margins.right,
    bottom: height - margins.bottom,
  };
}

function drawHeading(doc: Doc, input: NoticeInput): void {
  const { left, width } = contentBox(doc);
  doc.fillColor(TEXT_COLOR);
  doc.font(BOLD, TITLE_SIZE).text(input.title, left, doc.page.margins.top, {
    width,
    align: 'center',
  });
  if (input.documentNumber) {
    doc.moveDown(0.4);
    doc.font(REGULAR, BODY_SIZE).text(input.documentNumber, left, doc.y, {
      width,
      align: 'center',
    });
  }
  doc.moveDown(1.5);
}

function drawBody(doc: Doc, input: NoticeInput): void {
  const { left, width } = contentBox(doc);
  doc.font(REGULAR, BODY_SIZE).fillColor(TEXT_COLOR);
  const addressee = input.addressee.replace(/[:：]\s*$/, '');
  doc.text(`${addressee}：`, left, doc.y, {
    width,
    lineGap: LINE_GAP,
    paragraphGap: PARAGRAPH_GAP,
  });
  for (const paragraph of input.paragraphs) {
    doc.text(paragraph, left, doc.y, {
      width,
      indent: 2 * BODY_SIZE, // 首行缩进两字
      lineGap: LINE_GAP,
      paragraphGap: PARAGRAPH_GAP,
    });
  }
}

/** Label/value rows with ruled cells; a row that does not fit moves to the next page whole. */
function drawTable(doc: Doc, rows: { label: string; value: string }[]): void {
  const padX = 8;
  const padY = 5;
  doc.font(REGULAR, BODY_SIZE);
  const { left, width } = contentBox(doc);
  const widest = Math.max(...rows.map((row) => doc.widthOfString(row.label)));
  const labelWidth = Math.min(Math.max(widest + 2 * padX + 1, 96), width * 0.4);
  const valueWidth = width - labelWidth;
  const cell = (cellWidth: number) => ({ width: cellWidth - 2 * padX, lineGap: 2 });

  doc.y += BODY_SIZE / 2;
  for (const row of rows) {
    const textHeight = Math.max(
      doc.heightOfString(row.label || ' ', cell(labelWidth)),
      doc.heightOfString(row.value || ' ', cell(valueWidth)),
    );
    const height = textHeight + 2 * padY;
    if (doc.y + height > contentBox(doc).bottom) doc.addPage();
    const y = doc.y;
    doc.save().rect(left, y, labelWidth, height).fill(LABEL_FILL).restore();
    doc.save().lineWidth(0.75).strokeColor(RULE_COLOR);
    doc.rect(left, y, labelWidth, height).stroke();
    doc.rect(left + labelWidth, y, valueWidth, height).stroke();
    doc.restore();
    doc.fillColor(TEXT_COLOR);
    if (row.label) doc.text(row.label, left + padX, y + padY, cell(labelWidth));
    if (row.value) doc.text(row.value, left + labelWidth + padX, y + padY, cell(valueWidth));
    doc.x = left;
    doc.y = y + height;
  }
}

/**
 * 落款: the issuer above the date, bottom right. As in GB/T 9704 the date ends four characters
 * from the right margin and the issuer is centred over it (shifted left when it is long).
 */
function drawSignature(doc: Doc, issuer: string, issuedOn: string): void {
  doc.font(REGULAR, BODY_SIZE).fillColor(TEXT_COLOR);
  const { left, width, bottom } = contentBox(doc);
  const right = left + width;
  const issuerWidth = doc.widthOfString(issuer) + 1;
  const dateWidth = doc.widthOfString(issuedOn) + 1;
  const blockWidth = Math.min(Math.max(issuerWidth, dateWidth), width);
  const lineHeight = doc.currentLineHeight(true) + LINE_GAP;
  const blockHeight =
    doc.heightOfString(issuer, { width: blockWidth, lineGap: LINE_GAP }) + lineHeight;
  let y = doc.y + 2.5 * lineHeight;
  if (y + blockHeight > bottom) {
    doc.addPage();
    y = doc.y + lineHeight;
  }
  const centre = Math.max(
    Math.min(right - 4 * BODY_SIZE - dateWidth / 2, right - blockWidth / 2),
    left + blockWidth / 2,
  );
  const x = centre - blockWidth / 2;
  const options = { width: blockWidth, align: 'center', lineGap: LINE_GAP } as const;
  doc.text(issuer, x, y, options);
  doc.text(issuedOn, x, doc.y, options);
}

/** The verification line on every page, and '第 n 页 共 N 页' when there is more than one. */
function drawFooters(doc: Doc, verifyText: string | undefined): void {
  const { start, count } = doc.bufferedPageRange();
  if (count < 2 && !verifyText) return;
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const { left, width } = contentBox(doc);
    const margins = doc.page.margins;
    const savedBottom = margins.bottom;
    margins.bottom = 0; // writing inside the bottom margin must not start a new page
    doc.font(REGULAR, FOOTER_SIZE).fillColor(MUTED_COLOR);
    const pageNumberY = doc.page.height - 48;
    if (count > 1) {
      doc.text(`第 ${index - start + 1} 页  共 ${count} 页`, left, pageNumberY, {
        width,
        align: 'center',
        lineBreak: false,
      });
    }
    if (verifyText) {
      const height = doc.heightOfString(verifyText, { width });
      doc.text(verifyText, left, pageNumberY - 4 - height, { width, align: 'center' });
    }
    margins.bottom = savedBottom;
  }
}
