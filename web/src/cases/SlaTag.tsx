import { Tag } from 'antd';
import type { CSSProperties } from 'react';
import { useT } from '../i18n';
import { slaLabel } from './labels';

// antd's preset status colours put light text on a pale ground (about 2:1); these keep the text
// at 7:1 or more, and a glyph and a word say what the colour says.
const LOOK: Record<string, { glyph: string; style: CSSProperties }> = {
  green: { glyph: '●', style: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' } },
  yellow: {
    glyph: '▲',
    style: { color: '#5c3200', background: '#fffbe6', borderColor: '#ffc53d' },
  },
  red: { glyph: '■', style: { color: '#a8071a', background: '#fff1f0', borderColor: '#ff7875' } },
  paused: {
    glyph: '❚❚',
    style: { color: '#1f1f1f', background: '#f0f0f0', borderColor: '#8c8c8c' },
  },
  none: { glyph: '–', style: { color: '#434343', background: '#fafafa', borderColor: '#bfbfbf' } },
};

export interface SlaTagProps {
  /** 'green' | 'yellow' | 'red' ('paused' for a case whose clock is stopped), or null. */
  sla: string | null;
  /** The step's clock is stopped (correction, special procedure): shown instead of the light. */
  paused?: boolean;
}

/** The SLA light (红黄灯) of a step or case, in colour, shape and words. */
export function SlaTag({ sla, paused = false }: SlaTagProps) {
  const t = useT();
  // A case whose clock is stopped carries 'paused' as its light.
  const stopped = paused || sla === 'paused';
  const kind = stopped ? 'paused' : sla && sla in LOOK ? sla : 'none';
  const look = LOOK[kind]!;
  return (
    <Tag style={{ ...look.style, fontWeight: 600, marginInlineEnd: 0 }} data-sla={kind}>
      <span aria-hidden="true" style={{ marginInlineEnd: 4 }}>
        {look.glyph}
      </span>
      {slaLabel(t, sla, stopped)}
    </Tag>
  );
}
