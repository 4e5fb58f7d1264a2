import { Alert, Button, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../../../api';
import { useLocalName } from '../../../catalogue/labels';
import { useLoad } from '../../../catalogue/useLoad';
import {
  casePath,
  parseSubject,
  type CaseDetail,
  type CaseMaterial,
  type DeliveryChoice,
} from '../../../cases/model';
import { NoticeLink } from '../../../cases/NoticeLinks';
import { enumLabel, fieldTitle } from '../../../cases/useSubject';
import { useLocale, useT, type MessageKey } from '../../../i18n';
import { isMaskedPersonalValue, type PersonalData } from '../../../cases/PersonalDataReveal';
import { Loading } from '../../../shell/Loading';
import { dropKept, keepDraft, readKept, useOnlineTick, type AutosaveState } from './autosave';
import { DeliveryChoiceSection, deliveryComplete, deliveryPartLabel } from './DeliveryChoice';
import { fileOf, Materials, type Choice } from './Materials';
import { PaperMaterials } from './PaperMaterials';
import { useCaseRoutes } from './paths';
import { focusTarget, problemKey, problemsOf, targetOf, type Problem } from './problems';
import {
  fieldAsked,
  fieldRequired,
  loadApplication,
  materialNeed,
  partsApplying,
  type Application,
  type Field,
  type Material,
} from './schema';
import styles from './portal-cases.module.css';
import { Withdraw } from './Withdraw';

export interface ApplicationFormProps {
  detail: CaseDetail;
  /** The case as the server stored it after a save or a submission. */
  onChange: (detail: CaseDetail, message?: string) => void;
  reload: () => void;
  /**
   * Who records the materials: the applicant (files, certificates, shared data) or a window clerk
   * serving them, who ticks what was handed in on paper or scanned at the counter.
   */
  materialsBy?: 'applicant' | 'counter';
  /**
   * Resident IDs and phones in full, once a clerk asked for them: each field still showing its
   * masked value takes the full one, so the clerk checks and edits the real number.
   */
  personalData?: PersonalData | null;
}

/**
 * A draft or a case sent back for correction: the merged form, the materials, save and submit.
 * Submitting lists every problem the server finds at once, beside its field and above the form.
 */
export function ApplicationForm(props: ApplicationFormProps) {
  const t = useT();
  const subject = parseSubject(props.detail.subject);
  const [state] = useLoad(props.detail.subject, () =>
    subject
      ? loadApplication(subject.kind, subject.key)
      : Promise.reject(new ApiError(404, 'not_found', t('apply.starting.notFound'))),
  );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <Alert type="error" showIcon title={state.error.message} />;
  return <Editor app={state.data} {...props} />;
}

type Busy = 'save' | 'submit' | null;
/** A save asked for (the button), part of a submission, or made by itself after a change. */
type SaveMode = 'save' | 'submit' | 'auto';
const AUTOSAVE_DELAY_MS = 1500;
interface Summary {
  title: string;
  list: Problem[];
}

const PATTERN_MESSAGES: Record<string, MessageKey> = {
  phone: 'apply.form.pattern.phone',
  'resident-id': 'apply.form.pattern.residentId',
  uscc: 'apply.form.pattern.uscc',
};

/** What a material is as the applicant last left it on this page. */
function initialChoices(app: Application, given: CaseMaterial[]): Map<string, Choice> {
  const choices = new Map<string, Choice>();
  for (const m of given) {
    if (m.source === 'upload') choices.set(m.key, { mode: 'upload', reference: m.reference });
    else if (m.source === 'certificate' || m.source === 'shared_data') {
      choices.set(m.key, { mode: 'source' });
    }
  }
  for (const m of app.materials) {
    if (!choices.has(m.key) && m.source.kind !== 'upload') choices.set(m.key, { mode: 'source' });
  }
  return choices;
}

function Editor({
  app,
  detail,
  onChange,
  reload,
  materialsBy = 'applicant',
  personalData = null,
}: ApplicationFormProps & { app: Application }) {
  const t = useT();
  const { narrow } = useCaseRoutes();
  const { locale } = useLocale();
  const name = useLocalName();
  const [form] = Form.useForm();
  // The applicant's own channels save by themselves; a clerk at the counter saves on purpose.
  const autosave = materialsBy === 'applicant';
  const [restored] = useState(() => (autosave ? readKept(detail.id, detail.version) : null));
  // Everything answered so far, asked on this page or not: the conditions read all of it.
  const [values, setValues] = useState<Record<string, unknown>>(() =>
    restored ? { ...detail.formData, ...restored.values } : detail.formData,
  );
  const [choices, setChoices] = useState(() => initialChoices(app, detail.materials));
  // Handed in on paper at a counter: kept through the applicant's own saves on other channels.
  const [paper, setPaper] = useState(
    () => new Set(detail.materials.filter((m) => m.source === 'paper').map((m) => m.key)),
  );
  const [delivery, setDelivery] = useState<DeliveryChoice>(
    () => restored?.delivery ?? detail.deliveryChoice ?? { method: 'pickup' },
  );
  // Changes the server has not taken yet; each change bumps the count a save started from.
  const changes = useRef(restored ? 1 : 0);
  const [dirty, setDirty] = useState(Boolean(restored));
  const [auto, setAuto] = useState<AutosaveState>({ kind: restored ? 'restored' : 'idle' });
  const online = useOnlineTick();
  const version = useRef(detail.version);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    version.current = detail.version;
  }, [detail.version]);
  useEffect(() => {
    if (!personalData) return;
    const full: Record<string, string> = {};
    for (const [key, value] of Object.entries(personalData.formData))
      if (form.getFieldValue([key]) === detail.formData[key]) full[key] = value;
    form.setFieldsValue(full);
    setValues((old) => ({ ...old, ...full }));
    const phone = personalData.deliveryPhone;
    setDelivery((d) =>
      phone && d.post && d.post.phone === detail.deliveryChoice?.post?.phone
        ? { ...d, post: { ...d.post, phone } }
        : d,
    );
    // Once per reveal, against the values shown when it was asked for.
  }, [personalData]);
  const [summary, setSummary] = useState<Summary | null>(null);
  // Problems still standing beside their field or material (cleared as each is changed).
  const [marks, setMarks] = useState<Map<string, string>>(new Map());
  const [busy, setBusy] = useState<Busy>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const correcting = detail.state === 'correction' && detail.correction !== null;

  const applying = useMemo(() => partsApplying(app, values), [app, values]);
  const asked = useMemo(() => {
    const m = new Map<string, string>();
    if (!correcting) return m;
    for (const item of detail.correction!.items) {
      const target = targetOf(item.field);
      if (target) m.set(problemKey(target), item.message);
    }
    return m;
  }, [correcting, detail.correction]);

  useEffect(() => {
    if (summary) summaryRef.current?.focus();
  }, [summary]);

  const title = (key: string) => {
    const field = app.fields.get(key);
    return field ? fieldTitle(locale, field) : key;
  };
  const materialName = (key: string) => {
    const m = app.materials.find((x) => x.key === key);
    return m ? name(m) : key;
  };
  const names = (path: string) => {
    const target = targetOf(path);
    if (!target) return null;
    if (target.kind === 'field') return { shown: title(target.key), raw: [] };
    if (target.kind === 'delivery') return { shown: deliveryPartLabel(t, target.key), raw: [] };
    const m = app.materials.find((x) => x.key === target.key);
    return { shown: materialName(target.key), raw: m ? [m.name] : [] };
  };

  // The summary lists problems in the order of the page: the form's fields, then the materials.
  const pageOrder = useMemo(() => {
    const order = new Map<string, number>();
    for (const section of app.sections) {
      for (const f of section.fields) order.set(`field:${f.key}`, order.size);
    }
    for (const m of app.materials) order.set(`material:${m.key}`, order.size);
    for (const key of ['method', 'servicePoint', 'post.recipient', 'post.phone', 'post.address'])
      order.set(`delivery:${key}`, order.size);
    return order;
  }, [app]);
  const inPageOrder = (list: Problem[]) =>
    list
      .map((p, i) => ({ p, at: p.target ? (pageOrder.get(problemKey(p.target)) ?? i) : -1 }))
      .sort((a, b) => a.at - b.at)
      .map(({ p }) => p);

  const unmark = (keys: string[]) => {
    if (!keys.some((k) => marks.has(k))) return;
    setMarks((old) => {
      const next = new Map(old);
      for (const k of keys) next.delete(k);
      return next;
    });
  };

  const formData = () => {
    const out: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(detail.formData), ...Object.keys(values)])) {
      const v = values[key];
      out[key] = v === undefined || (typeof v === 'string' && !v.trim()) ? null : v;
    }
    return out;
  };

  const materials = (): CaseMaterial[] => {
    const known = new Set(app.materials.map((m) => m.key));
    const out: CaseMaterial[] = detail.materials.filter((m) => !known.has(m.key));
    for (const m of app.materials) {
      if (m.producedBy) continue;
      const choice = choices.get(m.key);
      const entry = { key: m.key, name: m.name.slice(0, 100) };
      if (paper.has(m.key)) {
        out.push({ ...entry, source: 'paper', reference: null });
      } else if (choice?.mode === 'upload') {
        if (choice.reference) out.push({ ...entry, source: 'upload', reference: choice.reference });
      } else if (choice?.mode === 'source' && m.source.kind !== 'upload') {
        // A certificate or shared data is fetched only where the application needs it.
        const need = materialNeed(m, applying, values);
        if (need !== 'required' && need !== 'unknown') continue;
        const reference =
          m.source.kind === 'certificate' ? m.source.certificateType : m.source.dataset;
        out.push({ ...entry, source: m.source.kind, reference });
      }
    }
    return out;
  };

  const fail = (error: unknown) => {
    if (!(error instanceof ApiError)) throw error;
    // The case changed underneath (a counter saved it, a clerk accepted it): load it again.
    setConflict(error.status === 409);
    const list = error.status === 400 ? inPageOrder(problemsOf(error, names)) : [];
    setMarks(new Map(list.flatMap((p) => (p.target ? [[problemKey(p.target), p.message]] : []))));
    setSummary({ title: error.message, list: list.length > 1 || list[0]?.target ? list : [] });
  };

  const changed = () => {
    changes.current += 1;
    setDirty(true);
    setSaved(null);
  };

  /**
   * A half-typed address does not stop a save; submitting sends it, so its gaps are named.
   * Saves run one after another, each on the version the one before left, so an autosave on
   * its way never turns the applicant's own click into a conflict.
   */
  const save = (mode: SaveMode = 'save'): Promise<CaseDetail | null> => {
    const run = () => saveNow(mode);
    const next = queue.current.then(run, run);
    queue.current = next;
    return next;
  };

  const saveNow = async (mode: SaveMode): Promise<CaseDetail | null> => {
    const from = changes.current;
    try {
      const stored = await api.patch<CaseDetail>(casePath(detail.id), {
        version: version.current,
        formData: formData(),
        materials: materials(),
        ...(mode === 'submit' || deliveryComplete(delivery) ? { deliveryChoice: delivery } : {}),
      });
      // Typed while the save was on its way: still to be saved.
      if (changes.current === from) {
        setDirty(false);
        dropKept(detail.id);
      }
      version.current = stored.version;
      if (mode === 'auto') setAuto({ kind: 'saved', at: new Date() });
      onChange(stored);
      return stored;
    } catch (error) {
      // An autosave that fails quietly says so in the status line; a conflict still shows.
      if (mode === 'auto' && error instanceof ApiError && error.status !== 409) {
        setAuto(
          error.status === 0 ? { kind: 'offline' } : { kind: 'failed', message: error.message },
        );
        return null;
      }
      fail(error);
      return null;
    }
  };

  // Every change is kept on the device at once, and sent a moment after the typing stops.
  useEffect(() => {
    if (!autosave || !dirty) return;
    keepDraft(detail.id, { version: detail.version, values, delivery });
  }, [autosave, dirty, detail.id, detail.version, values, delivery]);
  useEffect(() => {
    if (!autosave || !dirty || busy !== null) return;
    const timer = window.setTimeout(() => {
      if (!navigator.onLine) {
        setAuto({ kind: 'offline' });
        return;
      }
      setAuto({ kind: 'saving' });
      void save('auto');
    }, AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
    // `save` reads the state listed here; the timer starts again whenever any of it changes.
  }, [autosave, dirty, busy, values, delivery, choices, paper, detail.version, online]);

  const onSave = async () => {
    setSummary(null);
    setSaved(null);
    setBusy('save');
    const stored = await save('save');
    setBusy(null);
    if (stored) setSaved(t('apply.form.saved', { time: new Date().toLocaleTimeString(locale) }));
  };

  const onSubmit = async () => {
    setSummary(null);
    setSaved(null);
    // Formats (a phone number's digits) are checked here; what is missing, by the server.
    let formatProblems: Problem[] = [];
    try {
      await form.validateFields();
    } catch (error) {
      const fields = (error as { errorFields?: { name: (string | number)[]; errors: string[] }[] })
        .errorFields;
      if (!fields) throw error;
      formatProblems = fields.map((f) => {
        const key = String(f.name[0]);
        return {
          target: { kind: 'field', key },
          message: `${title(key)}${t('guide.colon')}${f.errors[0] ?? ''}`,
        };
      });
    }
    setBusy('submit');
    try {
      const stored = await save('submit');
      if (!stored) return;
      if (formatProblems.length) {
        setSummary({
          title: t('apply.problems.format', { n: formatProblems.length }),
          list: inPageOrder(formatProblems),
        });
        return;
      }
      const done = await api.post<CaseDetail>(`${casePath(detail.id)}/submit`, {
        version: stored.version,
      });
      onChange(done, correcting ? t('apply.submitted.correction') : t('apply.submitted.new'));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const setChoice = (key: string, choice: Choice) => {
    setChoices((old) => new Map(old).set(key, choice));
    setPaper((old) => {
      const next = new Set(old);
      next.delete(key);
      return next;
    });
    unmark([`material:${key}`]);
    changed();
  };

  const setOnPaper = (key: string, on: boolean) => {
    setPaper((old) => {
      const next = new Set(old);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
    unmark([`material:${key}`]);
    changed();
  };

  return (
    <div
      data-testid="application-form"
      data-materials-by={materialsBy}
      className={narrow ? styles.narrow : undefined}
    >
      {correcting && (
        <section className={styles.section} aria-labelledby="correction-title">
          <h3 id="correction-title">{t('apply.correction.title')}</h3>
          <Alert
            type="warning"
            showIcon
            data-testid="correction"
            title={t('apply.correction.intro', { date: detail.correction!.requestedAt })}
            description={
              <>
                {/* Named from the form already loaded: no raw paths while another fetch runs. */}
                <ol data-testid="correction-items" className={styles.problems}>
                  {detail.correction!.items.map((item, i) => (
                    <li key={i} data-field={item.field}>
                      <strong>
                        {item.field === 'general'
                          ? t('case.correct.general')
                          : (names(item.field)?.shown ?? item.field)}
                      </strong>
                      {t('case.correct.separator')}
                      {item.message}
                    </li>
                  ))}
                </ol>
                <p style={{ margin: '8px 0 0' }}>
                  <NoticeLink caseId={detail.id} kind="correction" />
                </p>
              </>
            }
          />
        </section>
      )}
      {!correcting && <p className="ot-note">{t('apply.form.draftNote')}</p>}

      {summary && (
        <div ref={summaryRef} tabIndex={-1} className={styles.summary} data-testid="apply-problems">
          <Alert
            type="error"
            showIcon
            title={summary.title}
            description={
              summary.list.length > 0 && (
                <ol className={styles.problems}>
                  {summary.list.map((p, i) => (
                    <li key={i} data-target={p.target ? problemKey(p.target) : undefined}>
                      {p.target ? (
                        <button
                          type="button"
                          className={styles.jump}
                          onClick={() => focusTarget(p.target!)}
                        >
                          {p.message}
                        </button>
                      ) : (
                        p.message
                      )}
                    </li>
                  ))}
                </ol>
              )
            }
            action={
              conflict && (
                <Button size="small" onClick={reload}>
                  {t('apply.form.reload')}
                </Button>
              )
            }
          />
        </div>
      )}

      <section className={styles.section} aria-labelledby="form-title">
        <h3 id="form-title">{t('apply.form.title')}</h3>
        <p className="ot-note">{t('apply.form.requiredNote')}</p>
        <Form
          form={form}
          name="apply"
          layout="vertical"
          initialValues={values}
          onValuesChange={(given: Record<string, unknown>) => {
            setValues((old) => ({ ...old, ...given }));
            unmark(Object.keys(given).map((k) => `field:${k}`));
            changed();
          }}
        >
          {app.sections.map((section) => {
            const applies = applying.get(section.part.key);
            const shown = section.fields.filter(
              (f) =>
                fieldAsked(f, applying, app.gates) ||
                marks.has(`field:${f.key}`) ||
                asked.has(`field:${f.key}`),
            );
            if (!section.fields.length) return null;
            return (
              <fieldset
                key={section.part.key}
                className={styles.fieldset}
                data-part={section.part.key}
              >
                <legend>{name(section.part)}</legend>
                {section.part.when && (
                  <p className={styles.when}>
                    {applies === false
                      ? t('apply.form.partSkipped', {
                          when: section.part.whenText || section.part.when,
                        })
                      : t('apply.form.partWhen', {
                          when: section.part.whenText || section.part.when,
                        })}
                  </p>
                )}
                <div className={styles.grid}>
                  {shown.map((field) => (
                    <FieldInput
                      key={field.key}
                      field={field}
                      required={fieldRequired(field, applying)}
                      problem={marks.get(`field:${field.key}`)}
                      correction={asked.get(`field:${field.key}`)}
                      shownMasked={maskedValue(field.key, detail.formData[field.key])}
                    />
                  ))}
                </div>
              </fieldset>
            );
          })}
        </Form>
      </section>

      {materialsBy === 'counter' ? (
        <PaperMaterials
          materials={app.materials}
          needOf={(m: Material) => materialNeed(m, applying, values)}
          given={detail.materials}
          paper={paper}
          onPaper={setOnPaper}
          scanOf={(key) => fileOf(choices.get(key))}
          onScan={(key, reference) => setChoice(key, { mode: 'upload', reference })}
          problems={marks}
        />
      ) : (
        <Materials
          materials={app.materials}
          parts={app.parts}
          needOf={(m: Material) => materialNeed(m, applying, values)}
          choices={choices}
          onChoice={setChoice}
          problems={marks}
          asked={asked}
        />
      )}

      <DeliveryChoiceSection
        value={delivery}
        problems={marks}
        onChange={(next) => {
          setDelivery(next);
          unmark(marks.size ? [...marks.keys()].filter((k) => k.startsWith('delivery:')) : []);
          changed();
        }}
      />

      <div className={styles.toolbar}>
        <Button
          type="primary"
          size="large"
          loading={busy === 'submit'}
          disabled={busy !== null}
          onClick={onSubmit}
        >
          {correcting ? t('apply.form.submitCorrection') : t('apply.form.submit')}
        </Button>
        <Button size="large" loading={busy === 'save'} disabled={busy !== null} onClick={onSave}>
          {t('apply.form.save')}
        </Button>
        <span role="status" className={styles.toolbarNote} data-testid="save-status">
          {saved ?? (autosave && autosaveText(t, auto, locale))}
        </span>
      </div>

      {correcting && <Withdraw detail={detail} onChange={onChange} />}
    </div>
  );
}

function autosaveText(
  t: ReturnType<typeof useT>,
  state: AutosaveState,
  locale: string,
): string | null {
  switch (state.kind) {
    case 'restored':
      return t('apply.autosave.restored');
    case 'saving':
      return t('apply.autosave.saving');
    case 'saved':
      return t('apply.autosave.saved', { time: state.at.toLocaleTimeString(locale) });
    case 'offline':
      return t('apply.autosave.offline');
    case 'failed':
      return t('apply.autosave.failed', { message: state.message });
    default:
      return null;
  }
}

/** A value the server masked for staff (a resident ID, a phone): sent back as is, it is kept. */
function maskedValue(key: string, value: unknown): string | undefined {
  return isMaskedPersonalValue(key, value) ? (value as string) : undefined;
}

function FieldInput({
  field,
  required,
  problem,
  correction,
  shownMasked,
}: {
  field: Field;
  required: boolean;
  problem: string | undefined;
  correction: string | undefined;
  shownMasked: string | undefined;
}) {
  const t = useT();
  const { locale } = useLocale();
  const s = field.schema;
  const labelId = `apply-label-${field.key}`;
  const rules: Rule[] = [];
  if (s.pattern) {
    const key = PATTERN_MESSAGES[s['x-widget'] ?? ''] ?? 'apply.form.pattern';
    const pattern = new RegExp(s.pattern);
    rules.push(
      shownMasked
        ? {
            validator: async (_rule, value: unknown) => {
              if (value === undefined || value === '' || value === shownMasked) return;
              if (!pattern.test(String(value))) throw new Error(t(key));
            },
          }
        : { pattern, message: t(key) },
    );
  }
  const wide = s['x-widget'] === 'textarea';
  // An enumeration's help text only spells out its codes, which the options already name.
  const hint = s['x-help'] && !s.enum ? s['x-help'] : null;
  const numeric = s.type === 'number' || s.type === 'integer';

  let control;
  if (s.type === 'boolean') {
    control = (
      <Radio.Group
        aria-labelledby={labelId}
        options={[
          { value: true, label: t('case.form.yes') },
          { value: false, label: t('case.form.no') },
        ]}
      />
    );
  } else if (s.enum) {
    control = (
      <Select
        allowClear
        placeholder={t('apply.form.choose')}
        options={s.enum.map((v) => ({ value: v, label: enumLabel(locale, s, v) ?? String(v) }))}
      />
    );
  } else if (numeric) {
    control = (
      <InputNumber
        style={{ width: '100%' }}
        min={s.minimum}
        max={s.maximum}
        precision={s.type === 'integer' ? 0 : undefined}
      />
    );
  } else if (s['x-widget'] === 'textarea') {
    control = <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={s.maxLength} />;
  } else if (s['x-widget'] === 'date' || s.format === 'date') {
    control = <Input type="date" />;
  } else {
    const phone = s['x-widget'] === 'phone';
    control = (
      <Input
        maxLength={s.maxLength}
        type={phone ? 'tel' : 'text'}
        inputMode={phone ? 'numeric' : undefined}
        autoComplete={phone ? 'tel' : 'off'}
      />
    );
  }

  return (
    <Form.Item
      name={[field.key]}
      className={wide ? styles.wide : undefined}
      label={<span id={labelId}>{fieldTitle(locale, field)}</span>}
      required={required}
      rules={rules}
      validateTrigger="onBlur"
      help={problem}
      validateStatus={problem ? 'error' : undefined}
      extra={
        (hint || correction) && (
          <>
            {hint && <span className="ot-condition">{hint}</span>}
            {correction && (
              <span className={styles.asked} data-testid="field-correction">
                {t('apply.correction.asked')}
                {correction}
              </span>
            )}
          </>
        )
      }
    >
      {control}
    </Form.Item>
  );
}
