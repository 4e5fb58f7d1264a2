import { inflateSync } from 'node:zlib';

// A minimal reader for the PDFs pdfkit writes: enough to get the text back out through each font's ToUnicode CMap, and to count pages.

interface ParsedPdf {
  /** Content streams, inflated. */
  contents: string[];
  /** Font resource name (F1, F2…) → character code → text, from each font's ToUnicode CMap. */
  cmaps: Map<string, Map<number, string>>;
}

export function parsePdf(pdf: Buffer): ParsedPdf {
  const raw = pdf.toString('latin1');
  const streams = new Map<number, string>();
  const streamPattern = /(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g;
  for (const match of raw.matchAll(streamPattern)) {
    const length = Number(/\/Length (\d+)/.exec(match[2]!)?.[1]);
    const start = match.index + match[0].length;
    const data = pdf.subarray(start, start + length);
    const inflated = /\/FlateDecode/.test(match[2]!) ? inflateSync(data) : data;
    streams.set(Number(match[1]), inflated.toString('latin1'));
  }
  const toUnicodeOf = new Map<number, number>(); // font object → its ToUnicode stream
  const fontPattern = /(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*endobj/g;
  for (const match of raw.matchAll(fontPattern)) {
    const toUnicode = /\/Type \/Font\b[\s\S]*\/ToUnicode (\d+) 0 R/.exec(match[2]!);
    if (toUnicode) toUnicodeOf.set(Number(match[1]), Number(toUnicode[1]));
  }
  const cmaps = new Map<string, Map<number, string>>();
  for (const [, name, ref] of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const cmap = streams.get(toUnicodeOf.get(Number(ref)) ?? -1);
    if (cmap !== undefined) cmaps.set(name!, parseCmap(cmap));
  }
  const contents = [...streams.values()].filter((stream) => /\bTf\b/.test(stream));
  return { contents, cmaps };
}

function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => {
    const units = hex.split(/\s+/).map((unit) => parseInt(unit, 16));
    return String.fromCharCode(...units);
  };
  for (const [, start, list] of cmap.matchAll(/<([0-9a-f]+)>\s*<[0-9a-f]+>\s*\[([^\]]*)\]/gi)) {
    [...list!.matchAll(/<([0-9a-f ]+)>/gi)].forEach((entry, offset) => {
      map.set(parseInt(start!, 16) + offset, utf16(entry[1]!));
    });
  }
  for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of block!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f ]+)>/gi)) {
      map.set(parseInt(code!, 16), utf16(text!));
    }
  }
  return map;
}

/** The text of each TJ/Tj show operation, in page order (pdfkit writes one per line). */
export function extractText(pdf: Buffer): string[] {
  const { contents, cmaps } = parsePdf(pdf);
  const lines: string[] = [];
  let cmap = new Map<number, string>();
  const operators = /\/(F\d+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-f]*)>\s*Tj/gi;
  for (const content of contents) {
    for (const [, font, array, single] of content.matchAll(operators)) {
      if (font) {
        cmap = cmaps.get(font) ?? new Map();
        continue;
      }
      const hex = single ?? [...array!.matchAll(/<([0-9a-f]*)>/gi)].map((m) => m[1]).join('');
      let line = '';
      for (let i = 0; i + 4 <= hex.length; i += 4) {
        line += cmap.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
      }
      lines.push(line);
    }
  }
  return lines;
}

export function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}
