import { useSession } from '../../auth/session';

/** Whether the signed-in user holds the role in any unit. */
export function useHasRole(role: string): boolean {
  const { session } = useSession();
  return session.status === 'signedIn' && session.me.roles.some((r) => r.role === role);
}

export const reviewCasePath = (caseId: string, taskId?: string) =>
  `/review/cases/${encodeURIComponent(caseId)}${taskId ? `?task=${encodeURIComponent(taskId)}` : ''}`;
