import type { Translate } from '../i18n';

export const ROLES = [
  'applicant',
  'window_clerk',
  'reviewer',
  'supervisor',
  'cadre',
  'admin',
  'leader',
] as const;
export type Role = (typeof ROLES)[number];

// Where each role lands after signing in. Cadres work cases alongside reviewers for now.
const HOME_PATH: Record<Role, string> = {
  applicant: '/',
  window_clerk: '/counter',
  reviewer: '/review',
  supervisor: '/review',
  cadre: '/review',
  admin: '/admin',
  leader: '/brain',
};

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

export function homePathFor(roles: readonly { role: string }[]): string {
  const first = roles[0]?.role;
  return isRole(first) ? HOME_PATH[first] : '/';
}

// A role the server knows but this build does not is shown by its code rather than hidden.
export function roleLabel(t: Translate, role: string): string {
  return isRole(role) ? t(`role.${role}`) : role;
}
