import type ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { AppError, type ProblemDetail } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/index.ts';
import { actingUnit, assertStaff, ownedUnits } from './access.ts';
import {
  AREA_NAMES,
  DISTRICT_CODE,
  INVESTMENT_UNIT,
  MILESTONE_NAMES,
  MILESTONES,
} from './model.ts';
import { listProjects } from './projects.service.ts';
import { listTargets, reportDateProblem } from './targets.service.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET = 'targets';

interface Column {
  key: string;
  width: number;
  /** Read back by the import (the others are there for people and are ignored). */
  input?: boolean;
  required?: boolean;
}

/**
 * The targets workbook: one row per target, its figures for reading and its latest report in
 * the last four columns. A department fills in `value`, `reportedOn` (and evidence) and
 * imports the sheet back; an unchanged row changes nothing.
 */
const COLUMNS: Column[] = [
  { key: 'key', width: 36, input: true, required: true },
  { key: 'plan', width: 12 },
  { key: 'node', width: 30 },
  { key: 'name', width: 30 },
  { key: 'unit', width: 10 },
  { key: 'direction', width: 10 },
  { key: 'baseline', width: 10 },
  { key: 'targetValue', width: 12 },
  { key: 'ownerUnit', width: 28 },
  { key: 'ownerUnitName', width: 24 },
  { key: 'periodStart', width: 12 },
  { key: 'periodEnd', width: 12 },
  { key: 'demo', width: 8 },
  { key: 'value', width: 12, input: true, required: true },
  { key: 'reportedOn', width: 12, input: true, required: true },
  { key: 'evidence', width: 40, input: true },
  { key: 'evidenceUrl', width: 40, input: true },
];

// ExcelJS takes a third of a second to load: only those who export or import pay for it.
async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

async function allPages<T>(page: (offset: number) => Promise<{ data: T[]; total: number }>) {
  const rows: T[] = [];
  for (let offset = 0; ; offset += 200) {
    const p = await page(offset);
    rows.push(...p.data);
    if (offset + 200 >= p.total) return rows;
  }
}

function sheetOf(book: ExcelJS.Workbook, name: string, columns: { key: string; width: number }[]) {
  const sheet = book.addWorksheet(name);
  sheet.columns = columns.map((c) => ({ header: c.key, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return sheet;
}

/** The targets the actor may read (all, or one plan's), with their latest reports. */
export async function exportTargets(
  db: Kysely<Database>,
  actor: Actor | null,
  plan?: string,
): Promise<Buffer> {
  assertStaff(actor);
  const targets = await allPages((offset) => listTargets(db, actor, { plan, limit: 200, offset }));
  const book = new (await loadExcel()).Workbook();
  book.creator = 'OneTrip';
  const sheet = sheetOf(book, SHEET, COLUMNS);
  for (const t of targets) {
    sheet.addRow({
      key: t.key,
      plan: t.plan,
      node: t.node.name,
      name: t.name,
      unit: t.unit,
      direction: t.direction,
      baseline: t.baseline,
      targetValue: t.targetValue,
      ownerUnit: t.ownerUnit.code,
      ownerUnitName: t.ownerUnit.name,
      periodStart: t.period.start,
      periodEnd: t.period.end,
      demo: t.demo ? 'demo' : '',
      value: t.latest?.value ?? null,
      reportedOn: t.latest?.reportedOn ?? null,
      evidence: null,
      evidenceUrl: null,
    });
  }
  // The latest report's evidence, so that the row reads back as that very report.
  const latest = await latestEvidence(
    db,
    targets.map((t) => t.id),
  );
  targets.forEach((t, i) => {
    const e = latest.get(t.id);
    if (!e || !t.latest) return;
    const row = sheet.getRow(i + 2);
    row.getCell(COLUMNS.findIndex((c) => c.key === 'evidence') + 1).value = e.evidence;
    row.getCell(COLUMNS.findIndex((c) => c.key === 'evidenceUrl') + 1).value = e.evidence_url;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function latestEvidence(db: Kysely<Database>, ids: string[]) {
  if (!ids.length)
    return new Map<string, { evidence: string | null; evidence_url: string | null }>();
  const rows = await db
    .selectFrom('plan_report')
    .distinctOn('target_id')
    .select(['target_id', 'evidence', 'evidence_url'])
    .where('target_id', 'in', ids)
    .orderBy('target_id')
    .orderBy('reported_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.target_id, r]));
}

/** Projects and their milestones, for reading (there is no project import). */
export async function exportProjects(
  db: Kysely<Database>,
  actor: Actor | null,
  today: string,
): Promise<Buffer> {
  assertStaff(actor);
  const projects = await allPages((offset) =>
    listProjects(db, actor, { limit: 200, offset }, today),
  );
  const book = new (await loadExcel()).Workbook();
  book.creator = 'OneTrip';
  const sheet = sheetOf(
    book,
    'projects',
    [
      'key',
      'name',
      'programmes',
      'area',
      'platform',
      'type',
      'owner',
      'ownerUnit',
      'status',
      'warning',
      `totalInvestment(${INVESTMENT_UNIT})`,
      `annualInvestmentPlan(${INVESTMENT_UNIT})`,
      `annualInvestmentDone(${INVESTMENT_UNIT})`,
      'landArea(亩)',
      'floorArea(m²)',
      'demo',
    ].map((key) => ({ key, width: key === 'name' || key === 'owner' ? 30 : 14 })),
  );
  const milestones = sheetOf(
    book,
    'milestones',
    ['project', 'milestone', 'name', 'plannedOn', 'actualOn', 'state', 'slipDays', 'demo'].map(
      (key) => ({ key, width: 14 }),
    ),
  );
  for (const p of projects) {
    sheet.addRow([
      p.key,
      p.name,
      p.programmes.join(', '),
      `${p.area} ${AREA_NAMES[p.area].name}`,
      p.platform?.name ?? null,
      p.type,
      p.owner,
      p.ownerUnit.name,
      p.status,
      p.warning ? 'warning' : '',
      p.totalInvestment,
      p.annualInvestmentPlan,
      p.annualInvestmentDone,
      p.landArea,
      p.floorArea,
      p.demo ? 'demo' : '',
    ]);
    for (const key of MILESTONES) {
      const m = p.milestones.find((x) => x.key === key);
      if (!m) continue;
      milestones.addRow([
        p.key,
        key,
        MILESTONE_NAMES[key].name,
        m.plannedOn,
        m.actualOn,
        m.state,
        m.slipDays,
        m.demo ? 'demo' : '',
      ]);
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

// ---- import -------------------------------------------------------------------------------

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return (v as { text: string }).text;
  if (typeof v === 'object' && 'result' in v) return (v as { result: unknown }).result;
  if (typeof v === 'string' && v.trim() === '') return undefined;
  return v;
}

interface SheetRow {
  row: number;
  key?: string;
  value?: number;
  reportedOn?: string;
  evidence?: string;
  evidenceUrl?: string;
}

/**
 * Reads every cell before writing anything: a bad sheet is refused whole, every problem listed
 * with its row and column. Rows without a value are skipped; a row whose report is already
 * there (same date, value and evidence) changes nothing, so an exported sheet imported back
 * changes nothing. Departments may import rows of their own targets only.
 */
export async function importTargets(
  db: Kysely<Database>,
  actor: Actor | null,
  file: Buffer,
  today: string,
) {
  assertStaff(actor);
  const book = new (await loadExcel()).Workbook();
  try {
    await book.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, 'import_not_xlsx', {}, 'file');
  }
  const sheet = book.getWorksheet(SHEET);
  if (!sheet)
    throw importInvalid([{ code: 'import_missing_sheet', sheet: SHEET, params: { sheet: SHEET } }]);
  const header = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => header.set(String(cellValue(cell.value) ?? ''), col));
  const missing = COLUMNS.filter((c) => c.required && !header.has(c.key));
  if (missing.length)
    throw importInvalid(
      missing.map((c) => ({
        code: 'import_missing_column',
        sheet: SHEET,
        column: c.key,
        params: { column: c.key },
      })),
    );

  const problems: ProblemDetail[] = [];
  const at = (row: number, column: string, code: ProblemDetail['code'], params = {}) =>
    problems.push({ code, sheet: SHEET, row, column, field: column, params });
  const rows: SheetRow[] = [];
  sheet.eachRow((r, n) => {
    if (n === 1) return;
    const raw = (key: string) => {
      const col = header.get(key);
      return col === undefined ? undefined : cellValue(r.getCell(col).value);
    };
    const row: SheetRow = { row: n };
    const key = raw('key');
    if (key !== undefined) row.key = String(key).trim();
    const value = raw('value');
    if (value !== undefined) {
      const num = typeof value === 'number' ? value : Number(String(value).trim());
      if (String(value).trim() === '' || !Number.isFinite(num))
        at(n, 'value', 'validation_type', { type: 'number' });
      else row.value = num;
    }
    const date = raw('reportedOn');
    if (date !== undefined)
      row.reportedOn = date instanceof Date ? date.toISOString().slice(0, 10) : String(date).trim();
    const evidence = raw('evidence');
    if (evidence !== undefined) row.evidence = String(evidence).trim();
    const url = raw('evidenceUrl');
    if (url !== undefined) {
      row.evidenceUrl = String(url).trim();
      if (!/^https?:\/\/\S+$/.test(row.evidenceUrl) || row.evidenceUrl.length > 500)
        at(n, 'evidenceUrl', 'validation_format', { format: 'uri' });
    }
    if (row.evidence && row.evidence.length > 2000)
      at(n, 'evidence', 'validation_max_length', { limit: 2000 });
    // A row with nothing in it (formatting left behind) is not a row.
    if (Object.keys(row).length > 1 || problems.some((p) => p.row === n)) rows.push(row);
  });

  const keys = [...new Set(rows.map((r) => r.key).filter((k): k is string => Boolean(k)))];
  const targets = keys.length
    ? await db
        .selectFrom('plan_target')
        .select(['id', 'key', 'owner_unit', 'period_start'])
        .where('key', 'in', keys)
        .execute()
    : [];
  const byKey = new Map(targets.map((t) => [t.key, t]));
  const mine = await ownedUnits(db, actor, [...new Set(targets.map((t) => t.owner_unit))]);
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (!r.key) {
      at(r.row, 'key', 'validation_required');
      continue;
    }
    const t = byKey.get(r.key);
    if (!t) {
      at(r.row, 'key', 'not_found', { what: `target ${r.key}` });
      continue;
    }
    if (seen.has(r.key))
      at(r.row, 'key', 'duplicate', { what: `${r.key} (row ${seen.get(r.key)})` });
    else seen.set(r.key, r.row);
    if (mine !== null && !mine.has(t.owner_unit)) {
      at(r.row, 'key', 'forbidden');
      continue;
    }
    const hasValue =
      r.value !== undefined || problems.some((p) => p.row === r.row && p.column === 'value');
    if (!hasValue) {
      if (r.reportedOn || r.evidence || r.evidenceUrl) at(r.row, 'value', 'validation_required');
      continue;
    }
    if (!r.reportedOn) {
      at(r.row, 'reportedOn', 'validation_required');
      continue;
    }
    const dateProblem = reportDateProblem(r.reportedOn, t.period_start, today);
    if (dateProblem)
      at(
        r.row,
        'reportedOn',
        dateProblem.code,
        'limit' in dateProblem ? { limit: dateProblem.limit } : {},
      );
  }
  if (problems.length) throw importInvalid(problems);

  let created = 0;
  let unchanged = 0;
  const skipped = rows.filter((r) => r.value === undefined).length;
  await db.transaction().execute(async (trx) => {
    for (const r of rows) {
      if (r.value === undefined) continue;
      const t = byKey.get(r.key!)!;
      const evidence = r.evidence || null;
      const evidenceUrl = r.evidenceUrl || null;
      const same = await trx
        .selectFrom('plan_report')
        .select('id')
        .where('target_id', '=', t.id)
        .where('reported_on', '=', r.reportedOn!)
        .where('value', '=', r.value)
        .where((eb) =>
          evidence === null ? eb('evidence', 'is', null) : eb('evidence', '=', evidence),
        )
        .where((eb) =>
          evidenceUrl === null
            ? eb('evidence_url', 'is', null)
            : eb('evidence_url', '=', evidenceUrl),
        )
        .executeTakeFirst();
      if (same) {
        unchanged++;
        continue;
      }
      const report = await trx
        .insertInto('plan_report')
        .values({
          target_id: t.id,
          value: r.value,
          reported_on: r.reportedOn!,
          evidence,
          evidence_url: evidenceUrl,
          reported_by_account: actor.kind === 'system' ? null : actor.accountId,
          reported_by: actor.username,
          reported_by_unit: await actingUnit(trx, actor, t.owner_unit),
          via: 'import',
          demo: false,
          division_code: DISTRICT_CODE,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('plan_target')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('id', '=', t.id)
        .execute();
      await recordAudit(trx, actor, {
        action: 'plan.report.import',
        targetType: 'plan_target',
        targetId: t.id,
        after: {
          report: report.id,
          value: r.value,
          reportedOn: r.reportedOn,
          evidence,
          evidenceUrl,
        },
        divisionCode: DISTRICT_CODE,
      });
      created++;
    }
  });
  return { rows: rows.length, created, unchanged, skipped };
}

function importInvalid(problems: ProblemDetail[]) {
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return new AppError(400, 'import_invalid', { count: problems.length }, 'file', problems);
}
