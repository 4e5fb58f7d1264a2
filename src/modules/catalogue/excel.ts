import { Ajv, type ErrorObject } from 'ajv';
import type ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import stringify from 'safe-stable-stringify';
import type { Database } from '../../db/database.ts';
import { assertRole, type Actor } from '../../shared/actor.ts';
import { AppError, type ProblemDetail } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/index.ts';
import { departmentDirectory } from '../identity/index.ts';
import type { BundleDef, ItemDef } from './model.ts';
import { checkItem } from './rules/check-item.ts';
import { compileBundle } from './rules/compile-bundle.ts';
import { BundleDefSchema, ItemDefSchema } from './schemas.ts';
import { bundleRow, itemRow } from './service.ts';
import { SHEETS, type ColumnSpec, type SheetName } from './excel-sheets.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Row = Record<string, unknown>;
interface PointDef {
  key: string;
  name: string;
  nameEn: string;
  level: 'district' | 'street' | 'community';
  streetCode: string | null;
  communityCode: string | null;
  address: string;
  openingHours: string;
  windows: { number: string; name: string }[];
  sortOrder: number;
}

const list = (v: string[] | undefined) => (v ?? []).join(', ');
const sourceText = (s: ItemDef['materials'][number]['source']) =>
  s.kind === 'upload'
    ? 'upload'
    : s.kind === 'certificate'
      ? `certificate:${s.certificateType}`
      : `shared_data:${s.dataset}`;
const resultText = (r: ItemDef['result']) =>
  r.kind === 'certificate' ? `certificate:${r.certificateType}` : r.kind;

/** The whole implementation list, a sheet per kind of row, readable by people and by `import`. */
export async function exportCatalogue(db: Kysely<Database>, actor: Actor | null): Promise<Buffer> {
  assertRole(actor, 'admin');
  const [items, bundles, points] = await Promise.all([
    db.selectFrom('catalogue_item').select('definition').orderBy('key').execute(),
    db.selectFrom('catalogue_bundle').select('definition').orderBy('key').execute(),
    db.selectFrom('service_point').selectAll().orderBy('sort_order').orderBy('key').execute(),
  ]);
  const rows: Record<SheetName, Row[]> = {
    items: [],
    materials: [],
    fees: [],
    service_points: [],
    bundles: [],
    bundle_items: [],
  };
  for (const { definition: d } of items) {
    rows.items.push({
      ...d,
      channels: list(d.channels),
      handlingLevels: list(d.handlingLevels),
      result: resultText(d.result),
      keywords: list(d.keywords),
      form: JSON.stringify(d.form),
    });
    for (const m of d.materials)
      rows.materials.push({ item: d.key, ...m, source: sourceText(m.source) });
    for (const f of d.fees) rows.fees.push({ item: d.key, ...f });
  }
  for (const p of points) {
    rows.service_points.push({
      key: p.key,
      name: p.name,
      nameEn: p.name_en,
      level: p.level,
      streetCode: p.street_code,
      communityCode: p.community_code,
      address: p.address,
      openingHours: p.opening_hours,
      windows: JSON.stringify(p.windows),
      sortOrder: p.sort_order,
    });
  }
  for (const { definition: b } of bundles) {
    rows.bundles.push({ ...b, keywords: list(b.keywords) });
    for (const ref of b.items)
      rows.bundle_items.push({ bundle: b.key, ...ref, after: list(ref.after) });
  }
  const book = new (await loadExcel()).Workbook();
  book.creator = 'OneTrip';
  for (const [name, spec] of Object.entries(SHEETS) as [SheetName, (typeof SHEETS)[SheetName]][]) {
    const sheet = book.addWorksheet(name);
    sheet.columns = spec.columns.map((c) => ({ header: c.key, key: c.key, width: c.width ?? 16 }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of rows[name])
      sheet.addRow(Object.fromEntries(spec.columns.map((c) => [c.key, r[c.key] ?? null])));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return (v as { text: string }).text;
  if (typeof v === 'object' && 'result' in v) return (v as { result: unknown }).result;
  if (typeof v === 'string' && v.trim() === '') return undefined;
  return v;
}

interface Located<T> {
  value: T;
  sheet: SheetName;
  row: number;
}

/**
 * Reads and checks a whole workbook before anything is written: every problem is reported
 * with its sheet, row and column, and one problem anywhere means nothing is imported.
 */
export async function importCatalogue(db: Kysely<Database>, actor: Actor | null, file: Buffer) {
  assertRole(actor, 'admin');
  const book = new (await loadExcel()).Workbook();
  try {
    await book.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, 'import_not_xlsx', {}, 'file');
  }
  const problems: ProblemDetail[] = [];
  const sheets = {} as Record<SheetName, Located<Row>[]>;
  for (const [name, spec] of Object.entries(SHEETS) as [SheetName, (typeof SHEETS)[SheetName]][]) {
    const sheet = book.getWorksheet(name);
    sheets[name] = [];
    if (!sheet) {
      problems.push({ code: 'import_missing_sheet', sheet: name, params: { sheet: name } });
      continue;
    }
    const header = new Map<string, number>();
    sheet.getRow(1).eachCell((cell, col) => header.set(String(cellValue(cell.value) ?? ''), col));
    const missing = spec.columns.filter((c) => c.required && !header.has(c.key));
    for (const c of missing)
      problems.push({
        code: 'import_missing_column',
        sheet: name,
        column: c.key,
        params: { column: c.key },
      });
    if (missing.length) continue;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const value: Row = {};
      for (const c of spec.columns as readonly ColumnSpec[]) {
        const col = header.get(c.key);
        if (col === undefined) continue;
        const raw = cellValue(row.getCell(col).value);
        if (raw === undefined) {
          // An empty cell is what the export writes for an empty text: read it back as one.
          if (c.blank !== undefined) value[c.key] = c.blank;
          continue;
        }
        const parsed = c.parse ? c.parse(raw) : raw;
        if (parsed instanceof Error) {
          problems.push({
            code: 'validation_format',
            sheet: name,
            row: n,
            column: c.key,
            field: c.key,
            params: { format: parsed.message },
          });
        } else if (parsed !== undefined) value[c.key] = parsed;
      }
      if (Object.keys(value).length) sheets[name].push({ value, sheet: name, row: n });
    });
  }
  // Without its sheets and columns the rest cannot be read; bad cells can, so they are listed
  // together with everything else that is wrong.
  if (
    problems.some((p) => p.code === 'import_missing_sheet' || p.code === 'import_missing_column')
  ) {
    throw importInvalid(problems);
  }

  const items = assembleItems(sheets, problems);
  const bundles = assembleBundles(sheets, problems);
  const points = sheets.service_points.map((r) => r.value as unknown as PointDef);
  const departments = new Set((await departmentDirectory(db)).keys());
  const catalogue = new Map(items.map((i) => [i.value.key, i.value]));
  for (const it of items) {
    for (const p of checkItem(it.value, departments))
      problems.push({ ...p, sheet: 'items', row: it.row, column: p.field });
  }
  for (const b of bundles) {
    const result = compileBundle(b.value, catalogue);
    if (!result.ok) {
      for (const p of result.problems) {
        problems.push({
          code: p.code,
          params: p.params,
          field: p.field,
          sheet: 'bundles',
          row: b.row,
          column: p.field.split(/[.[]/)[0],
        });
      }
    }
  }
  if (problems.length) throw importInvalid(problems);
  return applyImport(
    db,
    actor,
    items.map((i) => i.value),
    bundles.map((b) => b.value),
    points,
  );
}

function importInvalid(all: ProblemDetail[]) {
  // A cell that failed to parse also fails the schema check; one line per cell is enough.
  const seen = new Set<string>();
  const problems = all.filter((p) => {
    if (p.row === undefined) return true;
    const id = `${p.sheet}:${p.row}:${p.column}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return new AppError(400, 'import_invalid', { count: problems.length }, 'file', problems);
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validateItem = ajv.compile(ItemDefSchema);
const validateBundle = ajv.compile(BundleDefSchema);

function schemaProblems(
  errors: ErrorObject[] | null | undefined,
  locate: (path: string[]) => { sheet: SheetName; row: number; column: string },
): ProblemDetail[] {
  return (errors ?? []).map((e) => {
    const path = e.instancePath.split('/').filter(Boolean);
    if (e.keyword === 'required') path.push(String(e.params.missingProperty));
    const where = locate(path);
    const code =
      e.keyword === 'required'
        ? 'validation_required'
        : e.keyword === 'enum' || e.keyword === 'const'
          ? 'validation_enum'
          : e.keyword === 'type'
            ? 'validation_type'
            : 'validation_other';
    return {
      code,
      field: where.column,
      ...where,
      params: {
        type: String(e.params.type ?? ''),
        allowed: String((e.params.allowedValues ?? e.params.allowedValue ?? '') as string),
      },
    };
  });
}

function assembleItems(
  sheets: Record<SheetName, Located<Row>[]>,
  problems: ProblemDetail[],
): Located<ItemDef>[] {
  const byItem = <T>(rows: Located<Row>[]) => {
    const m = new Map<string, Located<Row>[]>();
    for (const r of rows) m.set(String(r.value.item), [...(m.get(String(r.value.item)) ?? []), r]);
    return m as Map<string, Located<T & Row>[]>;
  };
  const materials = byItem(sheets.materials);
  const fees = byItem(sheets.fees);
  const known = new Set(sheets.items.map((r) => String(r.value.key)));
  for (const r of [...sheets.materials, ...sheets.fees]) {
    if (!known.has(String(r.value.item))) {
      problems.push({
        code: 'not_found',
        sheet: r.sheet,
        row: r.row,
        column: 'item',
        params: { what: `item ${String(r.value.item)}` },
      });
    }
  }
  return sheets.items.map((r) => {
    const key = String(r.value.key);
    const ms = materials.get(key) ?? [];
    const fs = fees.get(key) ?? [];
    const def = {
      ...r.value,
      materials: ms.map(({ value: { item: _i, ...m } }) => m),
      fees: fs.map(({ value: { item: _i, ...f } }) => f),
    } as unknown as ItemDef;
    if (!validateItem(def)) {
      problems.push(
        ...schemaProblems(validateItem.errors, (path) => {
          const [head, index, column] = path;
          if (head === 'materials' && index !== undefined && ms[Number(index)])
            return { sheet: 'materials', row: ms[Number(index)]!.row, column: column ?? 'key' };
          if (head === 'fees' && index !== undefined && fs[Number(index)])
            return { sheet: 'fees', row: fs[Number(index)]!.row, column: column ?? 'name' };
          return { sheet: 'items', row: r.row, column: head ?? 'key' };
        }),
      );
    }
    return { value: def, sheet: 'items', row: r.row };
  });
}

function assembleBundles(
  sheets: Record<SheetName, Located<Row>[]>,
  problems: ProblemDetail[],
): Located<BundleDef>[] {
  const refs = new Map<string, Located<Row>[]>();
  for (const r of sheets.bundle_items)
    refs.set(String(r.value.bundle), [...(refs.get(String(r.value.bundle)) ?? []), r]);
  const known = new Set(sheets.bundles.map((r) => String(r.value.key)));
  for (const r of sheets.bundle_items) {
    if (!known.has(String(r.value.bundle))) {
      problems.push({
        code: 'not_found',
        sheet: 'bundle_items',
        row: r.row,
        column: 'bundle',
        params: { what: `bundle ${String(r.value.bundle)}` },
      });
    }
  }
  return sheets.bundles.map((r) => {
    const rs = refs.get(String(r.value.key)) ?? [];
    const def = {
      ...r.value,
      items: rs.map(({ value: { bundle: _b, ...ref } }) => ref),
    } as unknown as BundleDef;
    if (!validateBundle(def)) {
      problems.push(
        ...schemaProblems(validateBundle.errors, (path) => {
          const [head, index, column] = path;
          if (head === 'items' && index !== undefined && rs[Number(index)])
            return { sheet: 'bundle_items', row: rs[Number(index)]!.row, column: column ?? 'item' };
          return { sheet: 'bundles', row: r.row, column: head ?? 'key' };
        }),
      );
    }
    return { value: def, sheet: 'bundles', row: r.row };
  });
}

const same = (a: unknown, b: unknown) => stringify(a) === stringify(b);

/** Writes only what differs, in one transaction: an export imported back changes nothing. */
async function applyImport(
  db: Kysely<Database>,
  actor: Actor,
  items: ItemDef[],
  bundles: BundleDef[],
  points: PointDef[],
) {
  let changed = 0;
  await db.transaction().execute(async (trx) => {
    // Imports queue here, on both tables' generation rows in one order: the next one reads what
    // this one wrote, and two cannot deadlock on the rows their writes raise (2026113019).
    await trx
      .selectFrom('catalogue_generation')
      .select('table_name')
      .orderBy('table_name')
      .forUpdate()
      .execute();
    const oldItems = new Map(
      (await trx.selectFrom('catalogue_item').select('definition').execute()).map((r) => [
        r.definition.key,
        r.definition,
      ]),
    );
    const oldBundles = new Map(
      (await trx.selectFrom('catalogue_bundle').select('definition').execute()).map((r) => [
        r.definition.key,
        r.definition,
      ]),
    );
    const oldPoints = new Map(
      (await trx.selectFrom('service_point').selectAll().execute()).map((p) => [p.key, p]),
    );
    const catalogue = new Map(items.map((i) => [i.key, i]));

    const goneBundles = [...oldBundles.keys()].filter((k) => !bundles.some((b) => b.key === k));
    if (goneBundles.length)
      await trx.deleteFrom('catalogue_bundle').where('key', 'in', goneBundles).execute();
    const goneItems = [...oldItems.keys()].filter((k) => !catalogue.has(k));
    if (goneItems.length)
      await trx.deleteFrom('catalogue_item').where('key', 'in', goneItems).execute();
    changed += goneBundles.length + goneItems.length;

    for (const def of items) {
      if (same(oldItems.get(def.key), def)) continue;
      changed++;
      const row = itemRow(def, actor);
      await trx
        .insertInto('catalogue_item')
        .values(row)
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            ...row,
            version: eb('catalogue_item.version', '+', 1),
            updated_at: new Date(),
          })),
        )
        .execute();
    }
    for (const def of bundles) {
      if (same(oldBundles.get(def.key), def)) continue;
      changed++;
      const row = bundleRow(def, actor, catalogue);
      await trx
        .insertInto('catalogue_bundle')
        .values(row)
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            ...row,
            version: eb('catalogue_bundle.version', '+', 1),
            updated_at: new Date(),
          })),
        )
        .execute();
    }
    const gonePoints = [...oldPoints.keys()].filter((k) => !points.some((p) => p.key === k));
    if (gonePoints.length)
      await trx.deleteFrom('service_point').where('key', 'in', gonePoints).execute();
    changed += gonePoints.length;
    for (const p of points) {
      const row = {
        key: p.key,
        name: p.name,
        name_en: p.nameEn,
        level: p.level,
        street_code: p.streetCode ?? null,
        community_code: p.communityCode ?? null,
        address: p.address,
        opening_hours: p.openingHours,
        windows: JSON.stringify(p.windows) as unknown as PointDef['windows'],
        sort_order: p.sortOrder ?? 0,
        division_code: p.communityCode ?? p.streetCode ?? '330106',
      };
      const old = oldPoints.get(p.key);
      if (old && same({ ...old, windows: JSON.stringify(old.windows) }, row)) continue;
      changed++;
      await trx
        .insertInto('service_point')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet(row))
        .execute();
    }
    if (changed) {
      await recordAudit(trx, actor, {
        action: 'catalogue.import',
        targetType: 'catalogue',
        targetId: 'all',
        after: { items: items.length, bundles: bundles.length, changed },
      });
    }
  });
  return { items: items.length, bundles: bundles.length, servicePoints: points.length, changed };
}

// ExcelJS takes a third of a second to load: only the admins who export or import pay for it,
// not every server start.
async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
