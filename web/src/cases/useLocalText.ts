import { useLocale } from '../i18n';
import { caseTitle, stepName } from './localText';

/** Case titles and step names in the page's language (see localText). */
export function useLocalText() {
  const { locale } = useLocale();
  return {
    locale,
    caseTitle: (c: Parameters<typeof caseTitle>[1]) => caseTitle(locale, c),
    stepName: (task: Parameters<typeof stepName>[1]) => stepName(locale, task),
  };
}
