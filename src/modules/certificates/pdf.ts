import QRCode from 'qrcode';
import { loadFont } from '../../shared/pdf/fonts.ts';
import { formatChineseDate } from '../../shared/pdf/notice.ts';
import { qrContent } from './rules/reference.ts';
import { certificateType } from './types.ts';
import type { CertificateView } from './wallet.service.ts';

const REGULAR = 'NotoSansSC-Regular';
const BOLD = 'NotoSansSC-Bold';
const STATUS: Record<CertificateView['status'], string> = {
  valid: '有效',
  revoked: '已注销',
  expired: '已过期',
};

/**
 * What the QR carries: a link to the verify page with the compact form (verifiable offline), or
 * with a reference to it when the form is too long for a QR code (see rules/reference.ts).
 */
export function qrText(baseUrl: string, compact: string): string {
  return `${baseUrl.replace(/\/$/, '')}/verify?c=${qrContent(compact)}`;
}

/**
 * The certificate as an A4 PDF: the register's facts, the fields of its type, and a QR code drawn
 * as vector squares (no image). The compact form is also in the document's Keywords, where
 * `onetrip verify <file>` finds it.
 */
export async function renderCertificatePdf(c: CertificateView, baseUrl: string): Promise<Buffer> {
  const [regular, bold] = await Promise.all([loadFont('regular'), loadFont('bold')]);
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 60, bottom: 60, left: 64, right: 64 },
    font: null,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${c.typeName} ${c.number}`,
      Subject: c.number,
      Author: c.issuerName,
      Keywords: c.compact,
      Creator: 'OneTrip',
      CreationDate: new Date(`${c.issuedOn}T00:00:00+08:00`),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(REGULAR, regular).registerFont(BOLD, bold);
  const left = 64;
  const width = doc.page.width - 128;

  // A double frame, as printed licences have.
  doc
    .lineWidth(2)
    .strokeColor('#a8071a')
    .rect(40, 40, doc.page.width - 80, doc.page.height - 80)
    .stroke();
  doc
    .lineWidth(0.6)
    .rect(46, 46, doc.page.width - 92, doc.page.height - 92)
    .stroke();

  doc.fillColor('#a8071a').font(BOLD, 30).text(c.typeName, left, 90, { width, align: 'center' });
  doc
    .fillColor('#000000')
    .font(REGULAR, 11)
    .text(`证照编号：${c.number}`, left, doc.y + 8, {
      width,
      align: 'center',
    });
  if (c.status !== 'valid') {
    doc
      .fillColor('#a8071a')
      .font(BOLD, 14)
      .text(`【${STATUS[c.status]}】`, left, doc.y + 6, {
        width,
        align: 'center',
      });
  }

  const type = certificateType(c.type, c.typeName);
  const rows: [string, string][] = [
    [c.holderKind === 'enterprise' ? '名称' : '姓名', c.holderName],
    [c.holderKind === 'enterprise' ? '统一社会信用代码' : '公民身份号码', c.holderId],
    ...type.fields
      .filter((f) => c.fields[f.key] !== undefined)
      .map((f): [string, string] => [f.name, `${String(c.fields[f.key])}${f.unit ?? ''}`]),
    [
      '有效期限',
      c.validUntil
        ? `${formatChineseDate(c.validFrom)}至${formatChineseDate(c.validUntil)}`
        : `${formatChineseDate(c.validFrom)}起长期`,
    ],
  ];
  let y = doc.y + 30;
  const labelW = 130;
  for (const [label, value] of rows) {
    doc.font(REGULAR, 12);
    const h = Math.max(24, doc.heightOfString(value, { width: width - labelW - 16 }) + 10);
    doc.fillColor('#f5f5f5').rect(left, y, labelW, h).fill();
    doc.lineWidth(0.5).strokeColor('#bfbfbf').rect(left, y, width, h).stroke();
    doc
      .fillColor('#000000')
      .font(BOLD, 12)
      .text(label, left + 8, y + 6, { width: labelW - 16 });
    doc.font(REGULAR, 12).text(value, left + labelW + 8, y + 6, { width: width - labelW - 16 });
    y += h;
  }

  // The QR code, bottom right; the issuer and date, bottom left.
  const qr = QRCode.create(qrText(baseUrl, c.compact), { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const side = 170;
  const cell = side / (size + 8);
  const qx = doc.page.width - 64 - side;
  const qy = doc.page.height - 90 - side;
  doc.fillColor('#ffffff').rect(qx, qy, side, side).fill();
  doc.fillColor('#000000');
  for (let r = 0; r < size; r++)
    for (let col = 0; col < size; col++)
      if (qr.modules.get(r, col)) doc.rect(qx + (col + 4) * cell, qy + (r + 4) * cell, cell, cell);
  doc.fill('#000000');
  doc
    .font(REGULAR, 9)
    .fillColor('#555555')
    .text('扫码查验真伪（离线可验签）', qx, qy + side + 2, {
      width: side,
      align: 'center',
    });

  doc
    .fillColor('#000000')
    .font(BOLD, 14)
    .text(c.issuerName, left, qy + 50, { width: width - side - 20 });
  doc.font(REGULAR, 12).text(formatChineseDate(c.issuedOn), left, doc.y + 6, {
    width: width - side - 20,
  });
  doc
    .font(REGULAR, 8)
    .fillColor('#555555')
    .text(`签名密钥 ${c.kid}`, left, doc.y + 10, {
      width: width - side - 20,
    });
  doc.end();
  return done;
}
