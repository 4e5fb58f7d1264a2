import type { workbenchZhCN } from './workbench.zh-CN';

export const workbenchEnUS: Record<keyof typeof workbenchZhCN, string> = {
  'workbench.placeholder': '',
};
