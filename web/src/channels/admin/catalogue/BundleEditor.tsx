import { Alert, Button, Form } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../../api';
import { useLocalName } from '../../../catalogue/labels';
import {
  guidePath,
  type BundleDef,
  type BundleItemRef,
  type BundleView,
  type ItemSummary,
  type List,
} from '../../../catalogue/model';
import { useLoad } from '../../../catalogue/useLoad';
import { useT } from '../../../i18n';
import { Loading } from '../../../shell/Loading';
import { usePageTitle } from '../../../shell/pageTitle';
import { BundleFields, BundleItems, type BundleInput } from './BundleFields';
import { Findings, useCompile } from './Findings';
import { showServerErrors, withoutBlanks, type NamePath } from './serverErrors';

/** Every item, for the pickers and the drawing's labels (a few hundred rows). */
async function allItems(signal: AbortSignal): Promise<ItemSummary[]> {
  const items: ItemSummary[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await api.get<List<ItemSummary>>(
      `/api/v1/items?limit=200&offset=${offset}`,
      signal,
    );
    items.push(...page.data);
    if (!page.data.length || items.length >= page.total) return items;
  }
}

const toInput = (view: BundleView): BundleInput => ({
  name: view.name,
  nameEn: view.nameEn,
  audience: view.audience,
  stage: view.stage,
  description: view.description,
  promisedDays: view.promisedDays,
  items: view.items.map(({ item, after, when, whenText }) => ({ item, after, when, whenText })),
  ...(view.keywords ? { keywords: view.keywords } : {}),
});

/** The form's values as a definition: blank conditions and empty prerequisite lists dropped. */
function toDefinition(values: BundleInput): BundleInput {
  const items = (values.items ?? []).map((ref) => {
    const clean = withoutBlanks(ref ?? ({} as BundleItemRef), ['when', 'whenText']);
    if (!clean.after?.length) delete clean.after;
    return clean;
  });
  return { ...values, items };
}

/**
 * What the compiler checks while the staff edits: rows with no item chosen yet are left out, and
 * `rows` keeps where each remaining one sits in the form, so a finding names the row they see.
 */
interface Draft {
  def: BundleDef;
  rows: number[];
}

function toDraft(key: string, values: BundleInput): Draft {
  const all = values.items ?? [];
  const rows = all.flatMap((ref, i) => (ref?.item ? [i] : []));
  const def = { key, ...toDefinition({ ...values, items: rows.map((i) => all[i]!) }) };
  return { def, rows };
}

export function BundleEditor() {
  const { key = '' } = useParams();
  const t = useT();
  const [state] = useLoad(key, async (signal) => {
    const [bundle, items] = await Promise.all([
      api.get<BundleView>(`/api/v1/bundles/${encodeURIComponent(key)}`, signal),
      allItems(signal),
    ]);
    return { bundle, items };
  });
  const [stored, setStored] = useState<BundleView | null>(null);
  const [saved, setSaved] = useState(false);
  const view = stored ?? (state.status === 'ready' ? state.data.bundle : null);

  return (
    <section className="ot-admin-page ot-wide" aria-labelledby="editor-title">
      <nav className="ot-back" aria-label={t('guide.breadcrumb')}>
        <Link to="/admin/catalogue?tab=bundles">{t('admin.backToCatalogue')}</Link>
      </nav>
      <p role="status" className="ot-status">
        {saved && t('admin.saved')}
      </p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert type="error" showIcon title={state.error.message} />}
      {view && state.status === 'ready' && (
        <BundleForm
          key={view.updatedAt}
          view={view}
          items={state.data.items}
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

interface BundleFormProps {
  view: BundleView;
  items: ItemSummary[];
  onSaving: () => void;
  onSaved: (view: BundleView) => void;
}

function BundleForm({ view, items, onSaving, onSaved }: BundleFormProps) {
  const t = useT();
  const name = useLocalName();
  const [form] = Form.useForm<BundleInput>();
  const initial = useMemo(() => toInput(view), [view]);
  const [draft, setDraft] = useState<Draft>(() => toDraft(view.key, initial));
  const { check, stale } = useCompile(draft.def);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<{ title: string; list: string[] } | null>(null);
  usePageTitle(name(view));
  // Also called after changes antd does not report as value changes (adding or removing a row,
  // clearing the stage when the audience changes).
  const refresh = () => setDraft(toDraft(view.key, form.getFieldsValue(true)));

  const byKey = useMemo(() => new Map(items.map((i) => [i.key, i])), [items]);
  const info = (key: string) => {
    const item = byKey.get(key);
    return { name: item ? name(item) : key, promisedDays: item?.promisedDays ?? 0 };
  };
  const itemLabel = (index: number) => {
    const key = draft.def.items[index]?.item;
    const n = (draft.rows[index] ?? index) + 1;
    return t('admin.bundle.itemN', { n, name: key ? info(key).name : '' });
  };
  const options = items.map((i) => ({ value: i.key, label: `${name(i)} · ${name(i.department)}` }));

  const locate = (path: NamePath): NamePath | null => {
    const [top, index, sub] = path;
    if (path.length === 1 && ['name', 'nameEn', 'stage', 'promisedDays'].includes(String(top))) {
      return path;
    }
    if (
      top === 'items' &&
      typeof index === 'number' &&
      ['item', 'after', 'when'].includes(String(sub))
    ) {
      return ['items', index, sub!];
    }
    return null;
  };

  const save = async () => {
    setProblem(null);
    onSaving();
    const body = toDefinition(form.getFieldsValue(true) as BundleInput);
    setSaving(true);
    try {
      onSaved(await api.put<BundleView>(`/api/v1/bundles/${encodeURIComponent(view.key)}`, body));
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
      <h2 id="editor-title">{t('admin.bundle.editTitle', { name: name(view) })}</h2>
      <p className="ot-note">
        {t('admin.updatedAt', { at: new Date(view.updatedAt).toLocaleString() })}{' '}
        <Link to={guidePath('bundle', view.key)}>{t('admin.viewGuide')}</Link>
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
      <div className="ot-editor-grid">
        <Form
          form={form}
          name="bundle"
          layout="vertical"
          initialValues={initial}
          onValuesChange={refresh}
          onFinish={save}
        >
          <BundleFields onChanged={refresh} />
          <BundleItems options={options} info={info} onChanged={refresh} />
          <div className="ot-toolbar">
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('admin.save')}
            </Button>
          </div>
        </Form>
        <Findings
          check={check}
          stale={stale}
          promisedDays={draft.def.promisedDays}
          info={info}
          itemLabel={itemLabel}
        />
      </div>
    </>
  );
}
