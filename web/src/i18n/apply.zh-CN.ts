// Messages of the citizen case pages (apply, my cases, a case).
export const applyZhCN = {
  'apply.placeholder': '',
};
