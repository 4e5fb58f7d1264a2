import { Button, Form, Input, InputNumber, Select } from 'antd';
import { audienceLabel, stageLabel } from '../../../catalogue/labels';
import { AUDIENCES, STAGES, type BundleDef, type BundleItemRef } from '../../../catalogue/model';
import { useT } from '../../../i18n';

// The bundle editor's inputs; BundleEditor owns loading, saving and the live compiler check.
export type BundleInput = Omit<BundleDef, 'key'>;

export function BundleFields({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const form = Form.useFormInstance<BundleInput>();
  const audience = Form.useWatch('audience', form) ?? 'citizen';
  const required = [{ required: true, message: t('admin.required') }];
  return (
    <fieldset className="ot-fieldset">
      <legend>{t('admin.item.basics')}</legend>
      <div className="ot-form-grid">
        <Form.Item name="name" label={t('admin.item.name')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('admin.item.nameEn')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="audience" label={t('admin.bundles.audience')} rules={required}>
          <Select
            options={AUDIENCES.map((v) => ({ value: v, label: audienceLabel(t, v) }))}
            onChange={() => {
              form.setFieldValue('stage', undefined);
              onChanged();
            }}
          />
        </Form.Item>
        <Form.Item name="stage" label={t('admin.bundles.stage')} rules={required}>
          <Select
            options={STAGES[audience].map((v) => ({ value: v, label: stageLabel(t, audience, v) }))}
          />
        </Form.Item>
        <Form.Item
          name="promisedDays"
          label={t('admin.bundles.promisedDays')}
          rules={[...required, { type: 'integer', min: 0, max: 365 }]}
        >
          <InputNumber min={0} max={365} precision={0} />
        </Form.Item>
      </div>
      <Form.Item name="description" label={t('admin.bundle.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </fieldset>
  );
}

export function BundleItems({
  options,
  info,
  onChanged,
}: {
  options: { value: string; label: string }[];
  info: (key: string) => { name: string };
  onChanged: () => void;
}) {
  const t = useT();
  const form = Form.useFormInstance<BundleInput>();
  const refs = (Form.useWatch('items', form) ?? []) as (BundleItemRef | undefined)[];
  const chosen = refs.map((r) => r?.item).filter((k): k is string => !!k);
  return (
    <fieldset className="ot-fieldset">
      <legend>{t('admin.bundle.items')}</legend>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => {
              const self = refs[index]?.item;
              return (
                <fieldset key={field.key} className="ot-material">
                  <legend>
                    {t('admin.bundle.itemN', { n: index + 1, name: self ? info(self).name : '' })}
                  </legend>
                  <div className="ot-form-grid">
                    <Form.Item
                      name={[field.name, 'item']}
                      label={t('admin.bundle.item')}
                      rules={[{ required: true, message: t('admin.required') }]}
                    >
                      <Select showSearch={{ optionFilterProp: 'label' }} options={options} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'after']} label={t('admin.bundle.after')}>
                      <Select
                        mode="multiple"
                        options={chosen
                          .filter((k) => k !== self)
                          .map((k) => ({ value: k, label: info(k).name }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'when']}
                      label={t('admin.bundle.when')}
                      extra={t('admin.material.conditionHelp')}
                    >
                      <Input maxLength={300} className="ot-code" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'whenText']} label={t('admin.bundle.whenText')}>
                      <Input maxLength={300} />
                    </Form.Item>
                  </div>
                  <Button
                    danger
                    onClick={() => {
                      remove(field.name);
                      onChanged();
                    }}
                    aria-label={t('admin.bundle.removeN', { n: index + 1 })}
                  >
                    {t('admin.remove')}
                  </Button>
                </fieldset>
              );
            })}
            <Button
              onClick={() => {
                add({ item: undefined });
                onChanged();
              }}
            >
              {t('admin.bundle.add')}
            </Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}
