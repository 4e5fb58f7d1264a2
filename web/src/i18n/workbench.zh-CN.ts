// Messages of the staff workbenches (counter, review, supervisor).
export const workbenchZhCN = {
  'workbench.placeholder': '',
};
