import { useId } from 'react';
import type { BundleGraph as Graph } from '../../../catalogue/model';
import { useT } from '../../../i18n';

const W = 184;
const H = 74;
const GAP_X = 56;
const GAP_Y = 18;
const PAD = 8;
// Roughly how many full-width characters fit on a node's first line.
const LINE_UNITS = 12;

/** Cuts a name to fit a node, counting Latin letters as about half a Chinese character. */
function fit(text: string): string {
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    units += text.charCodeAt(i) > 0xff ? 1 : 0.55;
    if (units > LINE_UNITS) return `${text.slice(0, i - 1)}…`;
  }
  return text;
}

export interface NodeInfo {
  name: string;
  promisedDays: number;
}

/**
 * The bundle's after-DAG, left to right by the compiler's layers. Conditional items are dashed
 * and say 「条件」, the critical path is drawn thicker and says so: no cue is colour alone.
 */
export function BundleGraph({
  graph,
  info,
  critical,
}: {
  graph: Graph;
  info: (key: string) => NodeInfo;
  critical: string[];
}) {
  const t = useT();
  const uid = useId().replace(/[^\w-]/g, '');
  const rows = new Map<number, number>();
  const pos = new Map<string, { x: number; y: number }>();
  for (const node of graph.nodes) {
    const row = rows.get(node.layer) ?? 0;
    rows.set(node.layer, row + 1);
    pos.set(node.item, { x: PAD + node.layer * (W + GAP_X), y: PAD + row * (H + GAP_Y) });
  }
  const layers = Math.max(0, ...rows.keys()) + 1;
  const height = Math.max(1, ...rows.values());
  const width = PAD * 2 + layers * W + (layers - 1) * GAP_X;
  const fullHeight = PAD * 2 + height * H + (height - 1) * GAP_Y;

  const description = [
    ...graph.nodes.map((n) =>
      t(n.when ? 'admin.graph.nodeConditional' : 'admin.graph.node', {
        name: info(n.item).name,
        days: info(n.item).promisedDays,
      }),
    ),
    ...graph.edges.map((e) =>
      t('admin.graph.edge', { from: info(e.from).name, to: info(e.to).name }),
    ),
  ].join(t('admin.graph.sentenceSeparator'));

  return (
    <figure className="ot-graph">
      <div className="ot-graph-scroll">
        <svg
          role="img"
          aria-labelledby={`${uid}-title ${uid}-desc`}
          viewBox={`0 0 ${width} ${fullHeight}`}
          width={width}
          height={fullHeight}
          data-testid="bundle-graph"
        >
          <title id={`${uid}-title`}>{t('admin.graph.title')}</title>
          <desc id={`${uid}-desc`}>{description}</desc>
          <defs>
            <marker
              id={`${uid}-arrow`}
              viewBox="0 0 10 10"
              refX="10"
              refY="5"
              markerWidth="8"
              markerHeight="8"
              orient="auto-start-reverse"
            >
              <path d="M0 0L10 5L0 10z" fill="#262626" />
            </marker>
          </defs>
          {graph.edges.map((e) => {
            const from = pos.get(e.from);
            const to = pos.get(e.to);
            if (!from || !to) return null;
            const x1 = from.x + W;
            const y1 = from.y + H / 2;
            const x2 = to.x - 2;
            const y2 = to.y + H / 2;
            const mid = (x1 + x2) / 2;
            return (
              <path
                key={`${e.from}>${e.to}`}
                d={`M${x1} ${y1}C${mid} ${y1} ${mid} ${y2} ${x2} ${y2}`}
                fill="none"
                stroke="#262626"
                strokeWidth="1.5"
                markerEnd={`url(#${uid}-arrow)`}
              />
            );
          })}
          {graph.nodes.map((n) => {
            const p = pos.get(n.item)!;
            const { name, promisedDays } = info(n.item);
            const onPath = critical.includes(n.item);
            const tags = [
              n.when ? t('admin.graph.conditional') : null,
              onPath ? t('admin.graph.critical') : null,
            ].filter(Boolean);
            return (
              <g key={n.item} transform={`translate(${p.x} ${p.y})`} data-item={n.item}>
                <title>{name}</title>
                <rect
                  width={W}
                  height={H}
                  rx="6"
                  fill="#fff"
                  stroke="#262626"
                  strokeWidth={onPath ? 3 : 1.5}
                  strokeDasharray={n.when ? '6 4' : undefined}
                />
                <text x="10" y="22" fontSize="13" fontWeight="600" fill="#1f1f1f">
                  {fit(name)}
                </text>
                <text x="10" y="42" fontSize="12" fill="#262626">
                  {t('admin.graph.days', { n: promisedDays })}
                </text>
                {tags.length > 0 && (
                  <text x="10" y="62" fontSize="12" fill="#262626">
                    {tags.join(' ')}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="ot-note">{t('admin.graph.legend')}</figcaption>
    </figure>
  );
}
