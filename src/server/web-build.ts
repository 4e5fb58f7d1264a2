import fs from 'node:fs';
import path from 'node:path';

const WEB_DIR = path.resolve(import.meta.dirname, '../../web');
export const WEB_DIST = path.join(WEB_DIR, 'dist');

function newestMtime(entry: string): number {
  const st = fs.statSync(entry);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of fs.readdirSync(entry))
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** True when web/dist is missing or older than anything it is built from. */
export function webBuildIsStale(): boolean {
  const index = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  const sources = ['src', 'index.html', 'vite.config.ts', 'public']
    .map((p) => path.join(WEB_DIR, p))
    .filter((p) => fs.existsSync(p));
  return sources.some((p) => newestMtime(p) > built);
}

export async function buildWeb(log: (msg: string) => void = () => {}): Promise<void> {
  const { build } = await import('vite');
  log('building the web app (vite)…');
  const t = Date.now();
  await build({ configFile: path.join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
  log(`web app built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

export async function ensureWebBuild(log: (msg: string) => void = () => {}): Promise<void> {
  if (webBuildIsStale()) await buildWeb(log);
}
