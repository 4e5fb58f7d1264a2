import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * The CJK font embedded in every generated PDF. It comes from an npm package, never from the
 * system, so a fresh machine without any CJK font renders the same document: Noto Sans SC
 * (Google Fonts build, SIL OFL 1.1) as static TrueType files. pdfkit embeds only the glyphs a
 * document uses (a TrueType subset, a few kilobytes), not the 10 MB file.
 */
export const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';

export type FontWeight = 'regular' | 'bold';

const FONT_FILES: Record<FontWeight, string> = {
  regular: '400Regular/NotoSansSC_400Regular.ttf',
  bold: '700Bold/NotoSansSC_700Bold.ttf',
};

const require = createRequire(import.meta.url);

/** Absolute path of the installed font file; throws if the package is not installed. */
export function fontPath(weight: FontWeight = 'regular'): string {
  return require.resolve(`${FONT_PACKAGE}/${FONT_FILES[weight]}`);
}

const loaded = new Map<FontWeight, Promise<Buffer>>();

/**
 * The font's bytes, read from disk once per process and shared by every render (about 10 MB
 * per weight stays in memory). A failed read is not cached, so a later call tries again.
 */
export function loadFont(weight: FontWeight = 'regular'): Promise<Buffer> {
  let font = loaded.get(weight);
  if (!font) {
    font = (async () => readFile(fontPath(weight)))();
    loaded.set(weight, font);
    font.catch(() => loaded.delete(weight));
  }
  return font;
}
