import { Alert, Descriptions } from 'antd';
import { useLocale, useT, type MessageKey } from '../i18n';
import { enumLabel, fieldTitle, useSubject, type FieldSchema } from './useSubject';

export interface FormViewProps {
  /** The case's subject: 'bundle:<key>' or 'item:<key>'. */
  subject: string;
  /** The answers, keyed by data element ('premises.area_m2'). */
  formData: Record<string, unknown>;
  /** Shown above the answers; none by default. */
  title?: string;
}

// Cases the engine opens by itself (差评整改, 机关内部服务) carry a few answers of their own
// that no catalogue item describes.
const ENGINE_FIELDS: Record<string, MessageKey> = {
  'rating.score': 'case.field.ratingScore',
  'rating.text': 'case.field.ratingText',
  'request.kind': 'case.field.requestKind',
  'request.detail': 'case.field.requestDetail',
};

/** The merged form's answers, each under its field's title rather than its data key. */
export function FormView({ subject, formData, title }: FormViewProps) {
  const t = useT();
  const { locale } = useLocale();
  const schema = useSubject(subject);

  const answer = (value: unknown, field?: FieldSchema): string => {
    if (value === undefined || value === null || value === '') return t('case.form.unanswered');
    if (typeof value === 'boolean') return value ? t('case.form.yes') : t('case.form.no');
    if (field) {
      const label = enumLabel(locale, field, value);
      if (label) return label;
    }
    if (Array.isArray(value))
      return value.map((v) => answer(v, field)).join(t('user.listSeparator'));
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };

  if (schema.status === 'error') {
    return <Alert type="error" showIcon title={schema.error.message} />;
  }
  const fields = schema.status === 'ready' ? schema.data.fields : [];
  const known = new Set(fields.map((f) => f.key));
  const rows = [
    // The catalogue's order, each answered field once; a required one left empty says so.
    ...fields
      .filter((f) => f.key in formData || f.required)
      .map((f) => ({
        key: f.key,
        label: fieldTitle(locale, f),
        value: answer(formData[f.key], f.schema),
      })),
    // Answers the catalogue no longer describes are still shown, under their data key.
    ...Object.keys(formData)
      .filter((key) => schema.status === 'ready' && !known.has(key))
      .map((key) => {
        const titleKey = ENGINE_FIELDS[key];
        return { key, label: titleKey ? t(titleKey) : key, value: answer(formData[key]) };
      }),
  ];

  return (
    <Descriptions
      title={title}
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      data-testid="case-form"
      items={
        schema.status === 'loading'
          ? [{ key: 'loading', label: t('app.loading'), children: '' }]
          : rows.map((r) => ({
              key: r.key,
              label: r.label,
              children: <span data-field={r.key}>{r.value}</span>,
            }))
      }
    />
  );
}
