import { useLocalName } from '../catalogue/labels';
import { useLocale, useT } from '../i18n';
import type { CorrectionItem } from './model';
import { fieldTitle, useSubject } from './useSubject';

/** What a correction item names, in words: the form field's title or the material's name. */
export function useCorrectionField(subject: string): (field: string) => string {
  const t = useT();
  const { locale } = useLocale();
  const name = useLocalName();
  const schema = useSubject(subject);
  return (field: string) => {
    if (field === 'general') return t('case.correct.general');
    if (schema.status !== 'ready') return field;
    if (field.startsWith('formData.')) {
      const key = field.slice('formData.'.length);
      const f = schema.data.fields.find((x) => x.key === key);
      return f ? fieldTitle(locale, f) : key;
    }
    if (field.startsWith('materials.')) {
      const key = field.slice('materials.'.length);
      const m = schema.data.materials.find((x) => x.key === key);
      return m ? name(m) : key;
    }
    return field;
  };
}

export interface CorrectionListProps {
  subject: string;
  items: CorrectionItem[];
}

/** The one-time list of everything to correct (一次性告知), each with what it concerns. */
export function CorrectionList({ subject, items }: CorrectionListProps) {
  const t = useT();
  const label = useCorrectionField(subject);
  return (
    <ol data-testid="correction-items" style={{ margin: 0, paddingInlineStart: 20 }}>
      {items.map((item, i) => (
        <li key={i} data-field={item.field}>
          <strong>{label(item.field)}</strong>
          {t('case.correct.separator')}
          {item.message}
        </li>
      ))}
    </ol>
  );
}
