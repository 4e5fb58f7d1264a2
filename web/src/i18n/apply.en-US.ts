import type { applyZhCN } from './apply.zh-CN';

export const applyEnUS: Record<keyof typeof applyZhCN, string> = {
  'apply.placeholder': '',
};
