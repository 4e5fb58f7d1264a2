interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a sampled frame belongs: a package, a source folder of this repo, node itself, idle. */
function bucketOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (functionName === '(idle)') return '(idle: waiting for PostgreSQL or the pool)';
  if (functionName === '(garbage collector)') return '(garbage collector)';
  if (functionName === '(program)') return '(program: V8/native, incl. JSON.parse)';
  if (!url) return `(native: ${functionName || 'anonymous'})`;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return `node_modules/${nm[1]}`;
  const src = /\/(src\/(?:modules\/[^/]+|[^/]+))\//.exec(url);
  if (src) return src[1]!;
  if (url.includes('/bench/')) return 'bench (the harness)';
  if (url.startsWith('node:')) return 'node: (core)';
  return url.replace(/^file:\/\//, '');
}

export interface ProfileSummary {
  sampledMs: number;
  byBucket: { bucket: string; ms: number; share: number }[];
  topFunctions: { fn: string; ms: number; share: number }[];
}

/** Self time by bucket and by function, of the samples within `window` (µs, profile clock). */
export function summarise(
  profile: CpuProfile,
  window: { fromUs: number; toUs: number } | null = null,
  top = 15,
): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    self.set(id, (self.get(id) ?? 0) + delta);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const buckets = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const b = bucketOf(node.callFrame);
    buckets.set(b, (buckets.get(b) ?? 0) + us);
    const where = node.callFrame.url
      ? `${node.callFrame.url.replace(/^.*\/(node_modules|src|bench)\//, '$1/')}:${node.callFrame.lineNumber + 1}`
      : '';
    const key = `${node.callFrame.functionName || '(anonymous)'} ${where}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([k, us]) => ({
        k,
        ms: Math.round(us / 100) / 10,
        share: Math.round((us / total) * 1000) / 1000,
      }));
  return {
    sampledMs: Math.round(total / 1000),
    byBucket: rows(buckets).map(({ k, ms, share }) => ({ bucket: k, ms, share })),
    topFunctions: rows(fns)
      .slice(0, top)
      .map(({ k, ms, share }) => ({ fn: k, ms, share })),
  };
}
