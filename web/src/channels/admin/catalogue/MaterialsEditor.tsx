import { Button, Form, Input, InputNumber, Select } from 'antd';
import { mediumLabel, requirementLabel } from '../../../catalogue/labels';
import { MEDIA, REQUIREMENTS, type MaterialDef } from '../../../catalogue/model';
import { useT } from '../../../i18n';
import { withoutBlanks } from './serverErrors';

/** The fields of a material this editor shows, for placing the server's errors. */
export const MATERIAL_FIELDS = new Set([
  'key',
  'name',
  'nameEn',
  'requirement',
  'condition',
  'conditionText',
  'medium',
  'copies',
]);

const OPTIONAL_TEXT = ['condition', 'conditionText', 'blankFormUrl', 'sampleUrl'] as const;
export const cleanMaterial = (m: MaterialDef) => withoutBlanks(m, OPTIONAL_TEXT);

const NEW_MATERIAL: MaterialDef = {
  key: '',
  name: '',
  nameEn: '',
  requirement: 'required',
  medium: 'either',
  source: { kind: 'upload' },
  copies: 1,
};

/** The item's materials: one fieldset each, so every input is named by its material's number. */
export function MaterialsEditor() {
  const t = useT();
  return (
    <fieldset className="ot-fieldset">
      <legend>{t('guide.materials')}</legend>
      <Form.List name="materials">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <fieldset key={field.key} className="ot-material">
                <legend>{t('admin.material.legend', { n: index + 1 })}</legend>
                <MaterialFields index={field.name} />
                <Button
                  danger
                  onClick={() => remove(field.name)}
                  aria-label={t('admin.material.removeN', { n: index + 1 })}
                >
                  {t('admin.remove')}
                </Button>
              </fieldset>
            ))}
            <Button onClick={() => add({ ...NEW_MATERIAL, source: { kind: 'upload' } })}>
              {t('admin.material.add')}
            </Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}

function MaterialFields({ index }: { index: number }) {
  const t = useT();
  const form = Form.useFormInstance();
  const requirement = Form.useWatch(['materials', index, 'requirement'], form);
  const source = (form.getFieldValue(['materials', index, 'source']) ?? {
    kind: 'upload',
  }) as MaterialDef['source'];
  const required = [{ required: true, message: t('admin.required') }];
  return (
    <div className="ot-form-grid">
      <Form.Item
        name={[index, 'key']}
        label={t('admin.material.key')}
        rules={[
          ...required,
          { pattern: /^[a-z0-9][a-z0-9-]{1,63}$/, message: t('admin.material.keyPattern') },
        ]}
      >
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item
        name={[index, 'name']}
        className="ot-wide-field"
        label={t('admin.item.name')}
        rules={required}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name={[index, 'nameEn']}
        className="ot-wide-field"
        label={t('admin.item.nameEn')}
        rules={required}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name={[index, 'requirement']} label={t('guide.materials.requirement')}>
        <Select options={REQUIREMENTS.map((v) => ({ value: v, label: requirementLabel(t, v) }))} />
      </Form.Item>
      {/* Only a conditional material has a condition; hiding the inputs keeps what was typed. */}
      <Form.Item
        name={[index, 'condition']}
        className="ot-wide-field"
        label={t('admin.material.condition')}
        hidden={requirement !== 'conditional'}
        rules={requirement === 'conditional' ? required : []}
        extra={t('admin.material.conditionHelp')}
      >
        <Input maxLength={300} className="ot-code" />
      </Form.Item>
      <Form.Item
        name={[index, 'conditionText']}
        className="ot-wide-field"
        label={t('admin.material.conditionText')}
        hidden={requirement !== 'conditional'}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name={[index, 'medium']} label={t('guide.materials.medium')}>
        <Select options={MEDIA.map((v) => ({ value: v, label: mediumLabel(t, v) }))} />
      </Form.Item>
      <Form.Item name={[index, 'copies']} label={t('guide.materials.copies')}>
        <InputNumber min={0} max={20} precision={0} />
      </Form.Item>
      <p className="ot-note">
        {t('admin.material.source', {
          source:
            source.kind === 'upload'
              ? t('guide.materials.submit')
              : t('admin.material.sourceFree', {
                  from: source.kind === 'certificate' ? source.certificateType : source.dataset,
                }),
        })}
      </p>
    </div>
  );
}
