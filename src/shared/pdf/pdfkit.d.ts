// pdfkit ships no type declarations of its own. This declares only the small part of its API
// that src/shared/pdf uses; extend it here when a template needs more. (If @types/pdfkit is
// ever added to the project, delete this file.)
declare module 'pdfkit' {
  import type { Readable } from 'node:stream';

  namespace PDFKit {
    interface Margins {
      top: number;
      bottom: number;
      left: number;
      right: number;
    }

    interface DocumentInfo {
      Title?: string;
      Author?: string;
      Subject?: string;
      Keywords?: string;
      Creator?: string;
      Producer?: string;
      CreationDate?: Date;
      ModDate?: Date;
    }

    interface DocumentOptions {
      size?: string | [number, number];
      margins?: Margins;
      autoFirstPage?: boolean;
      bufferPages?: boolean;
      compress?: boolean;
      info?: DocumentInfo;
      lang?: string;
      displayTitle?: boolean;
      pdfVersion?: '1.3' | '1.4' | '1.5' | '1.6' | '1.7' | '1.7ext3';
      /** The font selected at start; null selects none (no unused Helvetica in the file). */
      font?: string | null;
    }

    interface TextOptions {
      width?: number;
      height?: number;
      align?: 'left' | 'center' | 'right' | 'justify';
      indent?: number;
      lineGap?: number;
      paragraphGap?: number;
      characterSpacing?: number;
      lineBreak?: boolean;
      continued?: boolean;
    }

    interface Page {
      readonly width: number;
      readonly height: number;
      margins: Margins;
    }

    /** Raw font bytes or a path; pdfkit parses it with fontkit and embeds a subset. */
    type FontSource = string | Uint8Array | ArrayBuffer;
  }

  class PDFDocument extends Readable {
    constructor(options?: PDFKit.DocumentOptions);
    readonly page: PDFKit.Page;
    x: number;
    y: number;
    registerFont(name: string, src: PDFKit.FontSource, family?: string): this;
    font(src: PDFKit.FontSource, size?: number): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    lineWidth(width: number): this;
    rect(x: number, y: number, w: number, h: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    fill(color?: string): this;
    stroke(color?: string): this;
    save(): this;
    restore(): this;
    text(text: string, options?: PDFKit.TextOptions): this;
    text(text: string, x?: number, y?: number, options?: PDFKit.TextOptions): this;
    widthOfString(text: string, options?: PDFKit.TextOptions): number;
    heightOfString(text: string, options?: PDFKit.TextOptions): number;
    currentLineHeight(includeGap?: boolean): number;
    moveDown(lines?: number): this;
    addPage(options?: PDFKit.DocumentOptions): this;
    bufferedPageRange(): { start: number; count: number };
    switchToPage(n: number): this;
    end(): void;
  }

  export default PDFDocument;
}
