import { Alert, Button, Form, Input, Modal, Select, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../api';
import { casePath, type Page, type TaskRow } from '../../cases/model';
import { useLocalName } from '../../catalogue/labels';
import { query, useLoad } from '../../catalogue/useLoad';
import { useT } from '../../i18n';
import { usePageTitle } from '../../shell/pageTitle';
import { useHasRole } from './roles';
import { TaskTable } from './TaskTable';

interface OrgUnit {
  code: string;
  kind: string;
  name: string;
  nameEn: string;
  shortName: string | null;
}

const TABS = ['red', 'yellow', 'all'] as const;
type Tab = (typeof TABS)[number];
const PAGE = 50;

/** Departments and streets (towns): the units a step can be moved to. */
function useTargetUnits() {
  const [state] = useLoad('org-units', async (signal) => {
    const kinds = ['department', 'subdistrict', 'town'];
    const lists = await Promise.all(
      kinds.map((kind) =>
        api.get<Page<OrgUnit>>(`/api/v1/org-units${query({ kind, limit: 200 })}`, signal),
      ),
    );
    return lists.flatMap((l) => l.data);
  });
  return state.status === 'ready' ? state.data : [];
}

/** 督查: red and yellow steps of every unit, and moving a stuck step to another unit. */
export default function Supervise() {
  const t = useT();
  const supervisor = useHasRole('supervisor');
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'red';
  const units = useTargetUnits();
  const name = useLocalName();
  const [generation, setGeneration] = useState(0);
  const [moving, setMoving] = useState<TaskRow | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  usePageTitle(t('supervise.title'));

  if (!supervisor) return <Alert type="warning" showIcon title={t('supervise.notSupervisor')} />;

  const unitName = (code: string | null) => {
    if (!code) return t('case.steps.anyWindow');
    const unit = units.find((u) => u.code === code);
    return unit ? name(unit) : code;
  };

  return (
    <section className="ot-wide" aria-labelledby="supervise-title">
      <nav className="ot-back" aria-label={t('guide.breadcrumb')}>
        <Link to="/review">{t('review.back')}</Link>
      </nav>
      <h2 id="supervise-title">{t('supervise.title')}</h2>
      <p>{t('supervise.hint')}</p>
      <p role="status" data-testid="supervise-status">
        {status}
      </p>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'red' ? {} : { tab: key }, { replace: true })}
        items={TABS.map((light) => ({
          key: light,
          label: <TabLabel light={light} generation={generation} />,
          children: (
            <StepList
              light={light}
              generation={generation}
              unitName={unitName}
              onReassign={(row) => {
                setStatus(null);
                setMoving(row);
              }}
            />
          ),
        }))}
      />
      {moving && (
        <ReassignDialog
          row={moving}
          units={units}
          unitName={unitName}
          onClose={() => setMoving(null)}
          onDone={(to) => {
            setStatus(t('supervise.reassigned', { step: moving.name, unit: unitName(to) }));
            setMoving(null);
            setGeneration((n) => n + 1);
          }}
        />
      )}
    </section>
  );
}

const listUrl = (light: Tab, offset = 0, limit = PAGE) =>
  `/api/v1/tasks${query({ sla: light === 'all' ? undefined : light, limit, offset })}`;

/** The tab's name with how many steps it holds. */
function TabLabel({ light, generation }: { light: Tab; generation: number }) {
  const t = useT();
  const url = listUrl(light, 0, 1);
  const [count] = useLoad(`${url}#${generation}`, (signal) => api.get<Page<TaskRow>>(url, signal));
  const n = count.status === 'ready' ? count.data.total : null;
  return <>{t(`supervise.tab.${light}`, { n: n ?? '…' })}</>;
}

function StepList({
  light,
  generation,
  unitName,
  onReassign,
}: {
  light: Tab;
  generation: number;
  unitName: (code: string | null) => string;
  onReassign: (row: TaskRow) => void;
}) {
  const t = useT();
  const [page, setPage] = useState(1);
  const url = listUrl(light, (page - 1) * PAGE);
  const [list] = useLoad(`${url}#${generation}`, (signal) => api.get<Page<TaskRow>>(url, signal));
  if (list.status === 'error') return <Alert type="error" showIcon title={list.error.message} />;
  const data = list.status === 'ready' ? list.data : null;
  return (
    <TaskTable
      testId={`supervise-${light}`}
      caption={t(`supervise.tab.${light}`, { n: data?.total ?? '' })}
      rows={data?.data ?? []}
      loading={list.status === 'loading'}
      unitName={unitName}
      paging={{ page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage }}
      action={{
        title: t('supervise.col.action'),
        render: (row) => (
          <Button
            size="small"
            onClick={() => onReassign(row)}
            aria-label={t('supervise.reassignStep', {
              step: row.name,
              case: row.case.number ?? row.case.title,
            })}
          >
            {t('supervise.reassign')}
          </Button>
        ),
      }}
    />
  );
}

function ReassignDialog({
  row,
  units,
  unitName,
  onClose,
  onDone,
}: {
  row: TaskRow;
  units: OrgUnit[];
  unitName: (code: string | null) => string;
  onClose: () => void;
  onDone: (to: string) => void;
}) {
  const t = useT();
  const name = useLocalName();
  const [form] = Form.useForm<{ orgUnit: string; reason: string }>();
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const groups = [
    { kinds: ['department'], label: t('supervise.departments') },
    { kinds: ['subdistrict', 'town'], label: t('supervise.streets') },
  ];

  const send = async (values: { orgUnit: string; reason: string }) => {
    setProblem(null);
    setSending(true);
    try {
      await api.post(`${casePath(row.case.id)}/tasks/${encodeURIComponent(row.id)}/reassign`, {
        orgUnit: values.orgUnit,
        version: row.version,
        reason: values.reason.trim(),
      });
      onDone(values.orgUnit);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open
      title={t('supervise.dialogTitle', { step: row.name })}
      onCancel={onClose}
      okText={t('supervise.reassign')}
      cancelText={t('supervise.cancel')}
      confirmLoading={sending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <p>
        {t('supervise.dialogCase', {
          case: `${row.case.title} ${row.case.number ?? ''}`.trim(),
          unit: unitName(row.ownerUnit),
        })}
      </p>
      <Form form={form} layout="vertical" onFinish={send}>
        <Form.Item
          name="orgUnit"
          label={t('supervise.target')}
          rules={[{ required: true, message: t('supervise.targetRequired') }]}
          extra={t('supervise.targetHint')}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={groups.map((g) => ({
              label: g.label,
              title: g.label,
              options: units
                .filter((u) => g.kinds.includes(u.kind) && u.code !== row.ownerUnit)
                .map((u) => ({ value: u.code, label: name(u) })),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('supervise.reason')}
          rules={[{ required: true, whitespace: true, message: t('supervise.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} />}
      </Form>
    </Modal>
  );
}
