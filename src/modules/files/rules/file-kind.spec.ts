import { fileTypeFromBuffer } from 'file-type';
import { describe, expect, it } from 'vitest';
import { jpegBytes, ofdBytes, pdfBytes, pngBytes, zipBytes } from '../fixtures.ts';
import {
  allowedKind,
  cleanFileName,
  contentDisposition,
  formatBytes,
  isOfdContainer,
} from './file-kind.ts';

const PDF = { ext: 'pdf', mime: 'application/pdf' };

describe('the fixtures are what file-type says they are', () => {
  it('detects PDF, PNG and JPEG, and an OFD as a ZIP', async () => {
    expect((await fileTypeFromBuffer(pdfBytes()))?.mime).toBe('application/pdf');
    expect((await fileTypeFromBuffer(pngBytes()))?.mime).toBe('image/png');
    expect((await fileTypeFromBuffer(jpegBytes()))?.mime).toBe('image/jpeg');
    expect((await fileTypeFromBuffer(ofdBytes()))?.mime).toBe('application/zip');
    expect(await fileTypeFromBuffer(Buffer.from('just some text, named .pdf'))).toBeUndefined();
  });
});

describe('allowedKind', () => {
  it('takes the four kinds and nothing else', () => {
    expect(allowedKind(PDF)).toEqual(PDF);
    expect(allowedKind({ ext: 'jpg', mime: 'image/jpeg' })?.ext).toBe('jpg');
    expect(allowedKind({ ext: 'zip', mime: 'application/zip' })).toBeNull();
    expect(allowedKind({ ext: 'exe', mime: 'application/x-msdownload' })).toBeNull();
    expect(allowedKind(undefined)).toBeNull();
  });
});

describe('isOfdContainer', () => {
  it('finds OFD.xml at the root of the ZIP', () => {
    expect(isOfdContainer(ofdBytes())).toBe(true);
  });
  it('refuses other ZIPs, OFD.xml in a folder, and cut or foreign bytes', () => {
    expect(isOfdContainer(zipBytes({ 'word/document.xml': '<w/>' }))).toBe(false);
    expect(isOfdContainer(zipBytes({ 'a/OFD.xml': '<x/>' }))).toBe(false);
    const whole = ofdBytes();
    expect(isOfdContainer(whole.subarray(0, whole.length - 30))).toBe(false);
    expect(isOfdContainer(pdfBytes())).toBe(false);
    expect(isOfdContainer(new Uint8Array(3))).toBe(false);
  });
  it('does not read past the end when the directory lies about its offset', () => {
    const bad = Buffer.from(ofdBytes());
    bad.writeUInt32LE(0xfffffff0, bad.length - 6);
    expect(isOfdContainer(bad)).toBe(false);
  });
});

describe('cleanFileName', () => {
  it('keeps a plain Chinese name', () => {
    expect(cleanFileName('营业执照 副本.pdf', PDF)).toBe('营业执照 副本.pdf');
  });
  it('drops folders and control characters', () => {
    expect(cleanFileName('C:\\Users\\张三\\租赁合同.pdf', PDF)).toBe('租赁合同.pdf');
    expect(cleanFileName('../../etc/pa\u0000ss\n.pdf', PDF)).toBe('pass.pdf');
  });
  it('names a nameless file by its kind, and shortens a long one keeping its extension', () => {
    expect(cleanFileName('', PDF)).toBe('file.pdf');
    expect(cleanFileName(undefined, PDF)).toBe('file.pdf');
    const long = cleanFileName('长'.repeat(300) + '.pdf', PDF);
    expect(long).toHaveLength(255);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives the UTF-8 name and a plain fallback', () => {
    expect(contentDisposition('租赁合同.pdf', PDF, 'inline')).toBe(
      `inline; filename="____.pdf"; filename*=UTF-8''%E7%A7%9F%E8%B5%81%E5%90%88%E5%90%8C.pdf`,
    );
  });
  it('adds the detected extension when the name lacks it, and escapes quotes', () => {
    expect(contentDisposition('a "b"', PDF, 'attachment')).toBe(
      `attachment; filename="a _b_.pdf"; filename*=UTF-8''a%20%22b%22.pdf`,
    );
    expect(contentDisposition('x.JPEG', { ext: 'jpg', mime: 'image/jpeg' }, 'inline')).toContain(
      `filename="x.JPEG"`,
    );
  });
});

describe('formatBytes', () => {
  it('reads as people write sizes', () => {
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(12)).toBe('12 B');
  });
});
