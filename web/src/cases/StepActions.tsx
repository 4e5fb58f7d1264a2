import { Alert, Button, Checkbox, Form, Input, Radio, Select } from 'antd';
import { useEffect, useId, useState } from 'react';
import { api, ApiError } from '../api';
import { useLocalName } from '../catalogue/labels';
import { useLocale, useT } from '../i18n';
import styles from './cases.module.css';
import { actionLabel, deliveryMethodLabel, procedureLabel } from './labels';
import {
  casePath,
  DELIVERY_METHODS,
  SPECIAL_PROCEDURES,
  type ActionBody,
  type CaseDetail,
  type CorrectionItem,
  type DeliveryMethod,
  type SpecialProcedure,
  type StepAction,
  type TaskView,
} from './model';
import { ServicePointSelect, useDefaultServicePoint } from './ServicePointSelect';
import { fieldTitle, useSubject } from './useSubject';

/** Actions whose comment is the reason, and so may not be left empty. */
const COMMENT_REQUIRED = new Set<string>(['reject', 'return', 'escalate']);
const WITH_COMMENT = new Set<string>([
  'accept',
  'approve',
  'reject',
  'return',
  'escalate',
  'withdraw',
  'start_special_procedure',
  'end_special_procedure',
  'complete',
  'deliver',
]);

interface Values {
  comment?: string;
  corrections?: Partial<CorrectionItem>[];
  reason?: string;
  legalBasis?: string;
  procedure?: SpecialProcedure;
  method?: DeliveryMethod;
  trackingNumber?: string;
  inPerson?: boolean;
  servicePoint?: string;
  applicantAsked?: boolean;
}

export interface StepActionsProps {
  detail: CaseDetail;
  task: TaskView;
  /** The actions offered here, in this order; each shown only if the step allows it now. */
  actions: StepAction[];
  /** Offer to record the applicant's visit at acceptance (the counter). */
  offerVisit?: boolean;
  /** After the server took the action: the case as it now stands. */
  onDone: (next: CaseDetail, action: StepAction) => void;
  /** The step changed underneath (409): the caller shows why and reloads the case. */
  onStale: (message: string) => void;
}

const FIELD_OF: Record<string, keyof Values> = {
  comment: 'comment',
  reason: 'reason',
  legalBasis: 'legalBasis',
  procedure: 'procedure',
  'delivery.trackingNumber': 'trackingNumber',
  delivery: 'method',
  'visit.servicePoint': 'servicePoint',
};

/** Which item of the case a correction names: a form field, a material, or the whole. */
function useCorrectionTargets(detail: CaseDetail) {
  const t = useT();
  const { locale } = useLocale();
  const name = useLocalName();
  const subject = useSubject(detail.subject);
  const fields = subject.status === 'ready' ? subject.data.fields : [];
  const catalogue = subject.status === 'ready' ? subject.data.materials : [];
  const materials = [
    ...detail.materials.map((m) => {
      const known = catalogue.find((c) => c.key === m.key);
      return { key: m.key, label: known ? name(known) : m.name };
    }),
    ...catalogue
      .filter((c) => !c.producedBy && !detail.materials.some((m) => m.key === c.key))
      .map((c) => ({ key: c.key, label: name(c) })),
  ];
  return [
    {
      label: t('case.correct.groupForm'),
      title: t('case.correct.groupForm'),
      options: fields.map((f) => ({ value: `formData.${f.key}`, label: fieldTitle(locale, f) })),
    },
    {
      label: t('case.correct.groupMaterials'),
      title: t('case.correct.groupMaterials'),
      options: materials.map((m) => ({ value: `materials.${m.key}`, label: m.label })),
    },
    {
      label: t('case.correct.groupOther'),
      title: t('case.correct.groupOther'),
      options: [{ value: 'general', label: t('case.correct.general') }],
    },
  ];
}

/**
 * The decision on one step: a choice among the actions the step allows now, the fields that
 * action needs (every item to correct at once; reason and legal basis of a refusal; delivery
 * method …), and one button. Only what `task.allowedActions` lists is ever offered.
 */
export function StepActions({
  detail,
  task,
  actions,
  offerVisit,
  onDone,
  onStale,
}: StepActionsProps) {
  const t = useT();
  const offered = actions.filter((a) => task.allowedActions.includes(a));
  const [action, setAction] = useState<StepAction | undefined>(offered[0]);
  const [form] = Form.useForm<Values>();
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const targets = useCorrectionTargets(detail);
  const defaultPoint = useDefaultServicePoint();
  const method = Form.useWatch('method', form);
  const inPerson = Form.useWatch('inPerson', form);
  const groupId = useId();

  // The service points arrive after the form mounts: the clerk's own becomes the default then.
  useEffect(() => {
    if (offered.length && defaultPoint && !form.getFieldValue('servicePoint')) {
      form.setFieldValue('servicePoint', defaultPoint);
    }
  }, [defaultPoint, form, offered.length]);

  if (!offered.length || !action) return null;

  const send = async (values: Values) => {
    setProblem(null);
    const body: ActionBody = { taskId: task.id, action, version: task.version };
    const comment = values.comment?.trim();
    if (comment && WITH_COMMENT.has(action)) body.comment = comment;
    if (action === 'request_correction') {
      body.corrections = (values.corrections ?? []).map((c) => ({
        field: c.field ?? 'general',
        message: (c.message ?? '').trim(),
      }));
    }
    if (action === 'decline') {
      body.reason = values.reason?.trim();
      body.legalBasis = values.legalBasis?.trim();
    }
    if (action === 'start_special_procedure') body.procedure = values.procedure;
    if (action === 'deliver' && values.method) {
      body.delivery = { method: values.method };
      if (values.method === 'post') body.delivery.trackingNumber = values.trackingNumber?.trim();
      if (values.method === 'pickup' && values.servicePoint) {
        body.visit = { servicePoint: values.servicePoint };
      }
    }
    if (action === 'accept' && values.inPerson && values.servicePoint) {
      body.visit = { servicePoint: values.servicePoint };
    }
    setSending(true);
    try {
      const next = await api.post<CaseDetail>(`${casePath(detail.id)}/actions`, body);
      form.resetFields();
      onDone(next, action);
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error));
      const name = e.field ? FIELD_OF[e.field] : undefined;
      // Someone else acted on the step first: the case is reloaded, and this form with it.
      if (e.status === 409) onStale(e.message);
      else if (name && e.status === 400) form.setFields([{ name, errors: [e.message] }]);
      else setProblem(e.message);
    } finally {
      setSending(false);
    }
  };

  const required = (message: string) => [{ required: true, whitespace: true, message }];

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={send}
      requiredMark
      initialValues={{
        corrections: [{}],
        // The delivery clerk starts from what the applicant chose on the form.
        method: detail.deliveryChoice?.method ?? 'pickup',
        servicePoint: detail.deliveryChoice?.servicePoint ?? defaultPoint,
      }}
      data-testid={`step-actions-${task.stepKey}`}
    >
      {/* A single action needs no choice: the button says what it does. */}
      <fieldset className="ot-fieldset" hidden={offered.length === 1}>
        <legend id={groupId}>{t('case.act.choose')}</legend>
        <Radio.Group
          aria-labelledby={groupId}
          optionType="button"
          buttonStyle="solid"
          value={action}
          onChange={(e) => {
            setAction(e.target.value as StepAction);
            setProblem(null);
          }}
          options={offered.map((a) => ({ value: a, label: actionLabel(t, a) }))}
        />
      </fieldset>

      {action === 'accept' && offerVisit && (
        <>
          <Form.Item name="inPerson" valuePropName="checked" extra={t('case.act.inPersonHint')}>
            <Checkbox>{t('case.act.inPerson')}</Checkbox>
          </Form.Item>
          {inPerson && (
            <Form.Item
              name="servicePoint"
              label={t('case.act.servicePoint')}
              rules={required(t('case.act.servicePointRequired'))}
            >
              <ServicePointSelect />
            </Form.Item>
          )}
        </>
      )}

      {action === 'request_correction' && (
        <fieldset className="ot-fieldset">
          <legend>{t('case.correct.legend')}</legend>
          <p style={{ marginTop: 0 }}>{t('case.correct.hint')}</p>
          <Form.List
            name="corrections"
            rules={[
              {
                validator: async (_, rows: unknown[]) => {
                  if (!rows?.length) throw new Error(t('case.correct.atLeastOne'));
                },
              },
            ]}
          >
            {(rows, { add, remove }, { errors }) => (
              <>
                <ol className={styles.rows} data-testid="correction-rows">
                  {rows.map((row, index) => (
                    <li key={row.key} className={styles.row}>
                      <Form.Item
                        name={[row.name, 'field']}
                        label={t('case.correct.field', { n: index + 1 })}
                        rules={[{ required: true, message: t('case.correct.fieldRequired') }]}
                      >
                        <Select showSearch={{ optionFilterProp: 'label' }} options={targets} />
                      </Form.Item>
                      <Form.Item
                        name={[row.name, 'message']}
                        label={t('case.correct.message', { n: index + 1 })}
                        rules={required(t('case.correct.messageRequired'))}
                      >
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
                      </Form.Item>
                      {rows.length > 1 && (
                        <Button
                          size="small"
                          className={styles.remove}
                          onClick={() => remove(row.name)}
                          aria-label={t('case.correct.removeN', { n: index + 1 })}
                        >
                          {t('case.correct.remove')}
                        </Button>
                      )}
                    </li>
                  ))}
                </ol>
                <Button onClick={() => add({})} disabled={rows.length >= 50}>
                  {t('case.correct.add')}
                </Button>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </fieldset>
      )}

      {action === 'decline' && (
        <>
          <Form.Item
            name="reason"
            label={t('case.decline.reason')}
            rules={required(t('case.decline.reasonRequired'))}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="legalBasis"
            label={t('case.decline.legalBasis')}
            rules={required(t('case.decline.legalBasisRequired'))}
            extra={t('case.decline.legalBasisHint')}
          >
            <Input maxLength={500} />
          </Form.Item>
        </>
      )}

      {action === 'start_special_procedure' && (
        <Form.Item
          name="procedure"
          label={t('case.act.procedure')}
          rules={[{ required: true, message: t('case.act.procedureRequired') }]}
          extra={t('case.act.procedureHint')}
        >
          <Select
            style={{ maxWidth: 320 }}
            options={SPECIAL_PROCEDURES.map((p) => ({ value: p, label: procedureLabel(t, p) }))}
          />
        </Form.Item>
      )}

      {action === 'deliver' && (
        <>
          <Form.Item name="method" label={t('case.deliver.method')} rules={[{ required: true }]}>
            <Radio.Group
              options={DELIVERY_METHODS.map((m) => ({
                value: m,
                label: deliveryMethodLabel(t, m),
              }))}
            />
          </Form.Item>
          {method === 'pickup' && (
            <Form.Item
              name="servicePoint"
              label={t('case.deliver.pickupPoint')}
              rules={required(t('case.act.servicePointRequired'))}
              extra={t('case.deliver.pickupHint')}
            >
              <ServicePointSelect />
            </Form.Item>
          )}
          {method === 'post' && (
            <Form.Item
              name="trackingNumber"
              label={t('case.deliver.trackingNumber')}
              rules={required(t('case.deliver.trackingRequired'))}
              extra={
                detail.deliveryChoice?.post && t('apply.delivery.to', detail.deliveryChoice.post)
              }
            >
              <Input maxLength={40} style={{ maxWidth: 320 }} autoComplete="off" />
            </Form.Item>
          )}
        </>
      )}

      {action === 'withdraw' && (
        <Form.Item
          name="applicantAsked"
          valuePropName="checked"
          rules={[
            {
              validator: async (_, checked: boolean) => {
                if (!checked) throw new Error(t('case.act.withdrawConfirmRequired'));
              },
            },
          ]}
        >
          <Checkbox>{t('case.act.withdrawConfirm')}</Checkbox>
        </Form.Item>
      )}

      {WITH_COMMENT.has(action) && (
        <Form.Item
          name="comment"
          label={t(COMMENT_REQUIRED.has(action) ? 'case.act.reasonComment' : 'case.act.comment')}
          rules={COMMENT_REQUIRED.has(action) ? required(t('case.act.commentRequired')) : []}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      )}

      {problem && <Alert type="error" showIcon title={problem} className="ot-alert" />}
      <Button type="primary" htmlType="submit" loading={sending}>
        {t('case.act.submit', { action: actionLabel(t, action) })}
      </Button>
    </Form>
  );
}
