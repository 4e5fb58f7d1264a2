import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractText, pageCount, parsePdf } from '../../../test/helpers/pdf-text.ts';
import { FONT_PACKAGE, fontPath, loadFont } from './fonts.ts';
import { formatChineseDate, renderNotice, type NoticeInput } from './notice.ts';

const notice: NoticeInput = {
  title: '受理通知书',
  documentNumber: '西湖受〔2026〕330106-20261128-000042号',
  addressee: '张喆',
  paragraphs: [
    '你（单位）于2026年11月28日提出的“个体工商户设立登记”申请，经审查，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，本机关决定予以受理。',
    '如需了解办理进度，可凭本通知书编号登录“浙里办”查询。',
  ],
  table: [
    { label: '申请事项', value: '个体工商户设立登记' },
    { label: '受理编号', value: '330106-20261128-000042' },
    { label: '承诺办结时限', value: '3个工作日，即不迟于2026年12月3日办结' },
  ],
  issuer: '杭州市西湖区行政服务中心',
  issuedOn: '2026-11-28',
  verifyText: '核验地址：https://onetrip.example.gov.cn/verify/000042',
};

const fixedDate = new Date('2026-11-28T02:00:00Z');

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('renderNotice', () => {
  it('renders an A4 PDF that embeds Noto Sans SC as TrueType subsets', async () => {
    const pdf = await renderNotice(notice);
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC-Regular\b/);
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC-Bold\b/);
    // a subset, not the 10 MB font file
    expect(pdf.length).toBeLessThan(150_000);
  });

  it('maps the title characters to Unicode in the ToUnicode CMap', async () => {
    const { cmaps } = parsePdf(await renderNotice(notice));
    const mapped = new Set([...cmaps.values()].flatMap((cmap) => [...cmap.values()]));
    for (const char of '受理通知书') expect(mapped).toContain(char);
    expect([...'受理'].map((c) => c.codePointAt(0))).toEqual([0x53d7, 0x7406]);
  });

  it('puts every part of the notice into the page text', async () => {
    const lines = extractText(await renderNotice(notice));
    const text = lines.join('');
    expect(lines[0]).toBe('受理通知书');
    expect(lines).toContain(notice.documentNumber);
    expect(lines).toContain('张喆：');
    for (const paragraph of notice.paragraphs) expect(text).toContain(paragraph);
    for (const row of notice.table!) {
      expect(text).toContain(row.label);
      expect(text).toContain(row.value);
    }
    expect(lines).toContain('杭州市西湖区行政服务中心');
    expect(lines).toContain('2026年11月28日');
    expect(lines).toContain(notice.verifyText);
    expect(text).not.toContain('第 1 页');
  });

  it('numbers the pages when the notice runs over one page', async () => {
    const long = { ...notice, paragraphs: Array.from({ length: 12 }, () => notice.paragraphs[0]!) };
    const pdf = await renderNotice(long);
    expect(pageCount(pdf)).toBe(2);
    const lines = extractText(pdf);
    expect(lines).toContain('第 1 页  共 2 页');
    expect(lines).toContain('第 2 页  共 2 页');
    expect(lines.filter((line) => line === notice.verifyText)).toHaveLength(2);
  });

  it('renders the same input to about the same size', async () => {
    const [a, b] = await Promise.all([renderNotice(notice), renderNotice(notice)]);
    expect(Math.abs(a.length - b.length)).toBeLessThanOrEqual(a.length * 0.1);
  });

  it('renders identical bytes when the creation date is fixed', async () => {
    const a = await renderNotice(notice, { creationDate: fixedDate });
    const b = await renderNotice(notice, { creationDate: fixedDate });
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toContain('(D:20261128020000Z)');
  });

  it('takes the creation date from SOURCE_DATE_EPOCH', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', String(fixedDate.getTime() / 1000));
    const a = await renderNotice(notice);
    const b = await renderNotice(notice, { creationDate: fixedDate });
    expect(a.equals(b)).toBe(true);
  });

  it('rejects an issue date that is not YYYY-MM-DD', async () => {
    await expect(renderNotice({ ...notice, issuedOn: '2026/11/28' })).rejects.toThrow(RangeError);
  });
});

describe('formatChineseDate', () => {
  it('writes the date without leading zeros', () => {
    expect(formatChineseDate('2026-11-28')).toBe('2026年11月28日');
    expect(formatChineseDate('2027-01-05')).toBe('2027年1月5日');
  });
  it('rejects dates that do not exist', () => {
    expect(() => formatChineseDate('2026-02-30')).toThrow(RangeError);
    expect(() => formatChineseDate('2026-13-01')).toThrow(RangeError);
  });
});

describe('fonts', () => {
  it('resolves the TrueType files from the installed font package', () => {
    for (const weight of ['regular', 'bold'] as const) {
      const path = fontPath(weight);
      expect(path).toContain(FONT_PACKAGE);
      expect(path).toMatch(/\.ttf$/);
      expect(existsSync(path)).toBe(true);
    }
  });
  it('reads each font once', async () => {
    expect(loadFont('regular')).toBe(loadFont('regular'));
    const font = await loadFont('regular');
    expect(font.readUInt32BE(0)).toBe(0x00010000); // sfnt version of a TrueType font
  });
});
