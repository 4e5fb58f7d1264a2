/** Where the portal's case pages live. */
export const casePagePath = (id: string) => `/cases/${encodeURIComponent(id)}`;
export const applyPath = (kind: 'bundle' | 'item', key: string) =>
  `/apply/${kind}/${encodeURIComponent(key)}`;
export const MY_CASES = '/cases';
