import type PDFDocument from 'pdfkit';
import { loadFont } from '../../shared/pdf/fonts.ts';
import type { BrainPlan, BrainServices } from './service.ts';

type Doc = InstanceType<typeof PDFDocument>;

const REGULAR = 'NotoSansSC-Regular';
const BOLD = 'NotoSansSC-Bold';
const MARGINS = { top: 64, bottom: 72, left: 64, right: 64 };
const MUTED = '#555555';
const RULE = '#999999';
const HEAD_FILL = '#eef2f7';
export const DEMO_MARK = '演示数据';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN'));
const stars = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)} 星`);
const wan = (v: number) => `${v.toLocaleString('zh-CN', { maximumFractionDigits: 0 })} 万元`;

export interface ReportInput {
  /** YYYY-MM */
  month: string;
  district: string;
  services: BrainServices;
  plan: BrainPlan;
  generatedOn: string;
}

/**
 * 城市大脑月度报告: the month's service figures and the plan's progress, as an A4 PDF with the
 * Noto Sans SC subset every OneTrip document embeds. pdfkit loads on the first report.
 */
export async function renderMonthlyReport(input: ReportInput): Promise<Buffer> {
  const [regular, bold] = await Promise.all([loadFont('regular'), loadFont('bold')]);
  const { default: PDFDocumentClass } = await import('pdfkit');
  const [year, month] = input.month.split('-').map(Number);
  const title = `${input.district}城市大脑月度报告`;
  const doc = new PDFDocumentClass({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    font: null,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${title}（${year}年${month}月）`,
      Author: input.district,
      Creator: 'OneTrip',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(REGULAR, regular).registerFont(BOLD, bold);

  const width = doc.page.width - MARGINS.left - MARGINS.right;
  doc.font(BOLD, 20).text(title, MARGINS.left, MARGINS.top, { width, align: 'center' });
  doc.moveDown(0.3);
  doc
    .font(REGULAR, 12)
    .fillColor(MUTED)
    .text(`${year}年${month}月（${input.services.period.from} 至 ${input.services.period.to}）`, {
      width,
      align: 'center',
    });
  doc.fillColor('#000000').moveDown(1);

  // ---- services
  const s = input.services;
  heading(doc, '一、政务服务');
  table(
    doc,
    ['指标', '本月', '口径'],
    s.figures.map((f) => [
      f.name,
      /Rate$/.test(f.key) ? pct(f.value) : f.key === 'satisfaction' ? stars(f.value) : num(f.value),
      f.definition,
    ]),
    [0.2, 0.16, 0.64],
  );
  subheading(doc, '各街道（镇）');
  table(
    doc,
    ['街道（镇）', '申请', '办结', '按时办结率', '跑零次率'],
    s.byStreet.map((r) => [
      r.street.name,
      num(r.submitted),
      num(r.completed),
      pct(r.onTimeRate),
      pct(r.zeroTripRate),
    ]),
    [0.32, 0.14, 0.14, 0.2, 0.2],
  );
  subheading(doc, '四端渠道');
  table(
    doc,
    ['渠道', '申请', '办结', '跑零次率'],
    s.byChannel.map((r) => [
      CHANNELS[r.channel] ?? r.channel,
      num(r.submitted),
      num(r.completed),
      pct(r.zeroTripRate),
    ]),
    [0.4, 0.2, 0.2, 0.2],
  );
  if (s.byDepartment.length) {
    subheading(doc, '部门满意度与差评率');
    table(
      doc,
      ['部门', '评价数', '满意度', '差评率'],
      s.byDepartment.map((r) => [
        r.department.name,
        num(r.ratings),
        stars(r.satisfaction),
        pct(r.badRate),
      ]),
      [0.46, 0.18, 0.18, 0.18],
    );
  }
  paragraph(
    doc,
    `当前超期件 ${s.overdue.total} 件（报告生成时亮红灯、尚未办结）。零材料率按全区事项目录计算：必交材料 ${num(s.zeroMaterial.materials)} 项中 ${num(s.zeroMaterial.attachable)} 项可由电子证照或共享数据自动调取（${pct(s.zeroMaterial.rate)}）。`,
  );

  // ---- plan
  const p = input.plan;
  doc.moveDown(0.5);
  heading(doc, `二、发展规划：${p.plan.name}`);
  if (p.plan.demo)
    paragraph(doc, `标注“${DEMO_MARK}”的数字为规划原文未给出的演示数据，不代表实际进展。`);
  table(
    doc,
    ['指标', '数值', '说明'],
    p.figures.map((f) => [
      f.name,
      (f.key === 'planProgress' || f.key === 'investment'
        ? pct(f.value)
        : f.key === 'targetsMet' || f.key === 'targetsReported'
          ? `${num(f.value)} / ${p.targetCount}`
          : num(f.value)) + (f.demo ? `（${DEMO_MARK}）` : ''),
      f.definition,
    ]),
    [0.2, 0.2, 0.6],
  );
  subheading(doc, '专项行动与聚焦方向');
  table(
    doc,
    ['名称', '进度', '已报告 / 指标', '已达成'],
    p.tree.children.map((n) => [
      n.name + (n.demo ? `（${DEMO_MARK}）` : ''),
      pct(n.progress),
      `${n.reportedCount} / ${n.targetCount}`,
      num(n.metCount),
    ]),
    [0.52, 0.14, 0.2, 0.14],
  );
  subheading(doc, '重点项目（北强、南启、中兴）');
  table(
    doc,
    ['片区', '项目', '前期 / 在建 / 竣工 / 投用', '年度计划投资', '年度完成投资'],
    p.projects.byArea.map((a) => [
      a.name + (a.demo ? `（${DEMO_MARK}）` : ''),
      num(a.projects),
      `${a.byStatus.preparing} / ${a.byStatus['under-construction']} / ${a.byStatus.completed} / ${a.byStatus['in-use']}`,
      wan(a.annualInvestmentPlan),
      wan(a.annualInvestmentDone),
    ]),
    [0.2, 0.1, 0.28, 0.21, 0.21],
  );
  if (p.slippage.length) {
    subheading(doc, '里程碑滞后');
    table(
      doc,
      ['项目', '里程碑', '计划日期', '实际日期', '滞后天数'],
      p.slippage.map((m) => [
        m.project.name + (m.demo ? `（${DEMO_MARK}）` : ''),
        m.name,
        m.plannedOn ?? '—',
        m.actualOn ?? '未达到',
        String(m.slipDays),
      ]),
      [0.36, 0.14, 0.17, 0.17, 0.16],
    );
  }
  doc.moveDown(1);
  doc
    .font(REGULAR, 9)
    .fillColor(MUTED)
    .text(`生成日期：${input.generatedOn}。数据来源：一次办 OneTrip 办件库与发展规划库。`, {
      width,
    });

  footers(doc);
  doc.end();
  return done;
}

const CHANNELS: Record<string, string> = {
  web: 'PC 网上办',
  mobile: '掌上办',
  kiosk: '自助终端',
  counter: '窗口',
  system: '系统',
};

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - MARGINS.bottom) doc.addPage();
}

function heading(doc: Doc, text: string) {
  ensureRoom(doc, 60);
  doc.font(BOLD, 15).fillColor('#000000').text(text, MARGINS.left, doc.y);
  doc.moveDown(0.4);
}

function subheading(doc: Doc, text: string) {
  ensureRoom(doc, 50);
  doc.moveDown(0.4);
  doc.font(BOLD, 12).fillColor('#000000').text(text, MARGINS.left, doc.y);
  doc.moveDown(0.2);
}

function paragraph(doc: Doc, text: string) {
  doc.moveDown(0.3);
  doc
    .font(REGULAR, 10.5)
    .fillColor('#000000')
    .text(text, MARGINS.left, doc.y, {
      width: doc.page.width - MARGINS.left - MARGINS.right,
      lineGap: 3,
    });
}

/** Ruled rows; the header repeats when a table runs onto the next page. */
function table(doc: Doc, head: string[], rows: string[][], fractions: number[]) {
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  const widths = fractions.map((f) => f * width);
  const pad = 4;
  const size = 9.5;
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font, size);
    return (
      Math.max(
        ...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * pad })),
      ) +
      2 * pad
    );
  };
  const draw = (cells: string[], font: string, fill?: string) => {
    const h = rowHeight(cells, font);
    if (doc.y + h > doc.page.height - MARGINS.bottom) {
      doc.addPage();
      if (font !== BOLD) draw(head, BOLD, HEAD_FILL);
    }
    const y = doc.y;
    let x = MARGINS.left;
    cells.forEach((c, i) => {
      const w = widths[i]!;
      if (fill) doc.save().rect(x, y, w, h).fill(fill).restore();
      doc.save().lineWidth(0.5).strokeColor(RULE).rect(x, y, w, h).stroke().restore();
      doc
        .font(font, size)
        .fillColor('#000000')
        .text(c, x + pad, y + pad, { width: w - 2 * pad });
      x += w;
    });
    doc.x = MARGINS.left;
    doc.y = y + h;
  };
  draw(head, BOLD, HEAD_FILL);
  for (const r of rows) draw(r, REGULAR);
  doc.moveDown(0.5);
}

function footers(doc: Doc) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(REGULAR, 9)
      .fillColor(MUTED)
      .text(`第 ${i + 1} 页  共 ${range.count} 页`, MARGINS.left, doc.page.height - 44, {
        width: doc.page.width - MARGINS.left - MARGINS.right,
        align: 'center',
      });
    doc.page.margins.bottom = bottom;
  }
}
