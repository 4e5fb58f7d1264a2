/**
 * What a file is, decided from its bytes: the extension and the browser's Content-Type are
 * whatever the sender says, so they decide nothing here.
 */
export interface FileKind {
  ext: string;
  mime: string;
}

/** The kinds of material a service item takes: scans, photos, and signed e-documents. */
export const ALLOWED_KINDS: readonly FileKind[] = [
  { ext: 'pdf', mime: 'application/pdf' },
  { ext: 'jpg', mime: 'image/jpeg' },
  { ext: 'png', mime: 'image/png' },
  // GB/T 33190-2016: China's own fixed-layout format, what e-government documents are signed in.
  { ext: 'ofd', mime: 'application/ofd' },
];

export const ALLOWED_LABEL = 'PDF, JPEG, PNG, OFD';

export function allowedKind(detected: FileKind | undefined): FileKind | null {
  if (!detected) return null;
  return ALLOWED_KINDS.find((k) => k.mime === detected.mime) ?? null;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
/** The end record is 22 bytes, plus a comment of at most 65 535. */
const EOCD_SEARCH = 22 + 0xffff;

/**
 * An OFD file is a ZIP container whose root holds `OFD.xml` (GB/T 33190-2016 §7.3). This reads
 * the ZIP's central directory for that entry; it does not inflate or validate the document.
 * file-type knows ZIP but not OFD, so a ZIP goes through here before it is refused.
 */
export function isOfdContainer(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const from = Math.max(0, bytes.length - EOCD_SEARCH);
  for (let at = bytes.length - 22; at >= from; at--) {
    if (view.getUint32(at, true) !== EOCD_SIGNATURE) continue;
    const entries = view.getUint16(at + 10, true);
    let offset = view.getUint32(at + 16, true);
    for (let i = 0; i < entries; i++) {
      if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE)
        return false;
      const nameLength = view.getUint16(offset + 28, true);
      const extraLength = view.getUint16(offset + 30, true);
      const commentLength = view.getUint16(offset + 32, true);
      const nameEnd = offset + 46 + nameLength;
      if (nameEnd > bytes.length) return false;
      const name = new TextDecoder().decode(bytes.subarray(offset + 46, nameEnd));
      if (name === 'OFD.xml' || name === '/OFD.xml') return true;
      offset = nameEnd + extraLength + commentLength;
    }
    return false;
  }
  return false;
}

/**
 * The name as people will see it again: no folder part (old browsers send `C:\…\a.pdf`), no
 * control characters, NFC, at most 255 characters; `file.<ext>` when nothing is left.
 */
export function cleanFileName(given: string | undefined, kind: FileKind): string {
  const base = (given ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const plain = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const name = plain || `file.${kind.ext}`;
  if (name.length <= 255) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return name.slice(0, 255 - ext.length) + ext;
}

/**
 * `Content-Disposition` with the name in UTF-8 (RFC 6266 / 5987) and a plain fallback for old
 * clients; the detected extension is added when the name lacks it, so a saved copy opens.
 */
export function contentDisposition(
  name: string,
  kind: FileKind,
  mode: 'inline' | 'attachment',
): string {
  const exts = kind.ext === 'jpg' ? ['.jpg', '.jpeg'] : [`.${kind.ext}`];
  const full = exts.some((e) => name.toLowerCase().endsWith(e)) ? name : `${name}.${kind.ext}`;
  const fallback = full.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(full).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${mode}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** 10485760 → `10 MB`, 1536 → `1.5 KB`: for messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
