import { Alert, Button, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../../api';
import { channelLabel, itemTypeLabel, levelLabel, useLocalName } from '../../../catalogue/labels';
import {
  CHANNELS,
  guidePath,
  HANDLING_LEVELS,
  ITEM_TYPES,
  type ItemDef,
  type ItemView,
} from '../../../catalogue/model';
import { useApi } from '../../../catalogue/useLoad';
import { useT } from '../../../i18n';
import { Loading } from '../../../shell/Loading';
import { usePageTitle } from '../../../shell/pageTitle';
import { cleanMaterial, MATERIAL_FIELDS, MaterialsEditor } from './MaterialsEditor';
import { showServerErrors, withoutBlanks, type NamePath } from './serverErrors';

export type ItemInput = Omit<ItemDef, 'key'>;

const toInput = ({
  key: _k,
  department,
  updatedAt: _u,
  version: _v,
  ...rest
}: ItemView): ItemInput => ({
  ...rest,
  department: department.key,
});

const TOP_FIELDS = new Set([
  'name',
  'nameEn',
  'type',
  'department',
  'basicCode',
  'implementationCode',
  'conditions',
  'legalBasis',
  'statutoryDays',
  'promisedDays',
  'visits',
  'visitReason',
  'channels',
  'handlingLevels',
]);

export function ItemEditor() {
  const { key = '' } = useParams();
  const t = useT();
  const [state] = useApi<ItemView>(`/api/v1/items/${encodeURIComponent(key)}`);
  const [stored, setStored] = useState<ItemView | null>(null);
  const [saved, setSaved] = useState(false);
  const view = stored ?? (state.status === 'ready' ? state.data : null);

  return (
    <section className="ot-admin-page" aria-labelledby="editor-title">
      <nav className="ot-back" aria-label={t('guide.breadcrumb')}>
        <Link to="/admin/catalogue">{t('admin.backToCatalogue')}</Link>
      </nav>
      <p role="status" className="ot-status">
        {saved && t('admin.saved')}
      </p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert type="error" showIcon title={state.error.message} />}
      {/* Remounted on save, so the form starts again from what the server stored. */}
      {view && (
        <ItemForm
          key={view.updatedAt}
          view={view}
          onSaving={() => setSaved(false)}
          onSaved={(next) => {
            setStored(next);
            setSaved(true);
          }}
        />
      )}
    </section>
  );
}

interface ItemFormProps {
  view: ItemView;
  onSaving: () => void;
  onSaved: (view: ItemView) => void;
}

function ItemForm({ view, onSaving, onSaved }: ItemFormProps) {
  const t = useT();
  const name = useLocalName();
  const [form] = Form.useForm<ItemInput>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<{ title: string; list: string[] } | null>(null);
  usePageTitle(name(view));

  const locate = (path: NamePath): NamePath | null => {
    const [top, index, sub] = path;
    if (path.length === 1 && TOP_FIELDS.has(String(top))) return path;
    if (top === 'materials' && typeof index === 'number' && MATERIAL_FIELDS.has(String(sub))) {
      return index < (form.getFieldValue('materials')?.length ?? 0) ? path.slice(0, 3) : null;
    }
    return null;
  };

  // Runs once antd's own checks pass; what only the server knows comes back as a 400.
  const save = async () => {
    setProblem(null);
    onSaving();
    // `true`: the whole store, including what this form does not edit (fees, form, result).
    const values = form.getFieldsValue(true) as ItemInput;
    const body = withoutBlanks({ ...values, materials: values.materials.map(cleanMaterial) }, [
      'visitReason',
    ]);
    setSaving(true);
    try {
      const stored = await api.put<ItemView>(`/api/v1/items/${encodeURIComponent(view.key)}`, body);
      onSaved(stored);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const list = error.status === 400 ? showServerErrors(form, error, locate) : [];
      setProblem({ title: error.message, list });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <h2 id="editor-title">{t('admin.item.editTitle', { name: name(view) })}</h2>
      <p className="ot-note">
        {t('admin.updatedAt', { at: new Date(view.updatedAt).toLocaleString() })}{' '}
        <Link to={guidePath('item', view.key)}>{t('admin.viewGuide')}</Link>
      </p>
      {problem && (
        <Alert
          className="ot-alert"
          type="error"
          showIcon
          title={problem.title}
          description={
            problem.list.length > 0 && (
              <ul>
                {problem.list.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Form form={form} name="item" layout="vertical" initialValues={toInput(view)} onFinish={save}>
        <ItemFields />
        <MaterialsEditor />
        <div className="ot-toolbar">
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('admin.save')}
          </Button>
        </div>
      </Form>
    </>
  );
}

function ItemFields() {
  const t = useT();
  const required = [{ required: true, message: t('admin.required') }];
  const days = [...required, { type: 'integer' as const, min: 0, max: 365 }];
  return (
    <>
      <fieldset className="ot-fieldset">
        <legend>{t('admin.item.basics')}</legend>
        <div className="ot-form-grid">
          <Form.Item name="name" label={t('admin.item.name')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('admin.item.nameEn')} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="type" label={t('admin.items.type')} rules={required}>
            <Select options={ITEM_TYPES.map((v) => ({ value: v, label: itemTypeLabel(t, v) }))} />
          </Form.Item>
          <Form.Item name="department" label={t('admin.item.department')} rules={required}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="basicCode" label={t('admin.item.basicCode')} rules={required}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="implementationCode"
            label={t('admin.item.implementationCode')}
            rules={required}
          >
            <Input maxLength={60} />
          </Form.Item>
        </div>
        <Form.Item name="conditions" label={t('guide.conditions')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('guide.legalBasis')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      </fieldset>
      <fieldset className="ot-fieldset">
        <legend>{t('admin.item.limitsAndVisits')}</legend>
        <div className="ot-form-grid">
          <Form.Item name="statutoryDays" label={t('guide.limits.statutory')} rules={days}>
            <InputNumber min={0} max={365} precision={0} />
          </Form.Item>
          <Form.Item name="promisedDays" label={t('guide.limits.promised')} rules={days}>
            <InputNumber min={0} max={365} precision={0} />
          </Form.Item>
          <Form.Item name="visits" label={t('guide.trips')} rules={required}>
            <InputNumber min={0} max={5} precision={0} />
          </Form.Item>
          <Form.Item name="visitReason" label={t('admin.item.visitReason')}>
            <Input maxLength={300} />
          </Form.Item>
        </div>
        <Form.Item name="channels" label={t('guide.channels')} rules={required}>
          <Checkbox.Group
            options={CHANNELS.map((v) => ({ value: v, label: channelLabel(t, v) }))}
          />
        </Form.Item>
        <Form.Item name="handlingLevels" label={t('admin.items.levels')} rules={required}>
          <Checkbox.Group
            options={HANDLING_LEVELS.map((v) => ({ value: v, label: levelLabel(t, v) }))}
          />
        </Form.Item>
      </fieldset>
    </>
  );
}
