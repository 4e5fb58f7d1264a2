/**
 * The title of a message about a case: its title and, once accepted, its number, punctuated as
 * the language writes it (全角 brackets in Chinese).
 */
export function messageTitle(
  locale: 'zh-CN' | 'en-US',
  title: string,
  number: string | null | undefined,
): string {
  if (!number) return title;
  return locale === 'en-US' ? `${title} (${number})` : `${title}（${number}）`;
}
