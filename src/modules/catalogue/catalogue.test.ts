import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/test-app.ts';
import { catalogueNames, itemCatalogue } from './index.ts';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t?.close());

const get = async (url: string, session: Session | null = null) => {
  const res = await t.as(session, 'GET', url);
  expect(res.statusCode, url).toBe(200);
  return res.json();
};

async function bundleKeyNamed(name: string): Promise<string> {
  const hits = await get(`/api/v1/search?q=${encodeURIComponent(name)}`);
  const hit = hits.data.find(
    (h: { kind: string; name: string }) => h.kind === 'bundle' && h.name.includes(name),
  );
  expect(hit, name).toBeTruthy();
  return hit.key;
}

describe('the seeded implementation list', () => {
  it('has the plan’s 18 enterprise and 23 citizen bundles, 150+ items, 207+ nearby', async () => {
    expect((await get('/api/v1/bundles?audience=enterprise')).total).toBeGreaterThanOrEqual(18);
    expect((await get('/api/v1/bundles?audience=citizen')).total).toBeGreaterThanOrEqual(23);
    expect((await get('/api/v1/items')).total).toBeGreaterThanOrEqual(150);
    expect((await get('/api/v1/items?level=street')).total).toBeGreaterThanOrEqual(207);
    const departments = new Set<string>();
    for (let offset = 0; ; offset += 200) {
      const page = await get(`/api/v1/items?limit=200&offset=${offset}`);
      page.data.forEach((i: { department: { key: string } }) => departments.add(i.department.key));
      if (offset + 200 >= page.total) break;
    }
    expect(departments.size).toBeGreaterThanOrEqual(20);
  });

  it('finds 开餐饮店 from everyday words, bundles first', async () => {
    for (const q of ['餐馆', '开饭店', '餐饮']) {
      const hits = await get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(hits.data[0], q).toMatchObject({
        kind: 'bundle',
        name: expect.stringContaining('开餐饮店'),
      });
    }
    const birth = await get(`/api/v1/search?q=${encodeURIComponent('生孩子')}`);
    expect(birth.data[0].name).toContain('出生');
  });

  it('compiles 开餐饮店 into one form, one material list and a critical path within its promise', async () => {
    const key = await bundleKeyNamed('开餐饮店');
    const bundle = await get(`/api/v1/bundles/${key}`);
    const compiled = await get(`/api/v1/bundles/${key}/compiled`);
    const materialKeys = compiled.materials.map((m: { key: string }) => m.key);
    expect(new Set(materialKeys).size).toBe(materialKeys.length);
    expect(compiled.materials.some((m: { items: string[] }) => m.items.length > 1)).toBe(true);
    expect(compiled.criticalPath.days).toBeLessThanOrEqual(bundle.promisedDays);
    expect(compiled.criticalPath.items.length).toBeGreaterThanOrEqual(2);
    expect(compiled.trips).toBeGreaterThanOrEqual(0);
    expect(Object.keys(compiled.form.properties)).toContain('premises.area_m2');
  });

  it('tells where an item can be handled nearest to a street', async () => {
    const item = (await get('/api/v1/items?level=community&limit=1')).data[0];
    const points = await get('/api/v1/service-points?level=community&limit=1');
    const street = points.data[0].streetCode;
    const nearest = await get(`/api/v1/service-points/nearest?item=${item.key}&street=${street}`);
    const ranks = nearest.data.map((p: { distanceRank: number }) => p.distanceRank);
    expect(ranks[0]).toBe(0);
    expect(ranks.at(-1)).toBe(2);
    expect([...ranks].sort()).toEqual(ranks);
  });
});

describe('editing the catalogue', () => {
  it('shows an admin’s change of a material in the bundle’s merged list', async () => {
    const key = await bundleKeyNamed('开餐饮店');
    const itemKey = (await get(`/api/v1/bundles/${key}`)).items[1].item;
    const {
      department,
      updatedAt: _u,
      version: _v,
      key: _k,
      ...item
    } = await get(`/api/v1/items/${itemKey}`);
    item.materials[0].name = `${item.materials[0].name}（含布局图）`;
    const clerk = await t.login('clerk');
    expect(
      (
        await t.as(clerk, 'PUT', `/api/v1/items/${itemKey}`, {
          ...item,
          department: department.key,
        })
      ).statusCode,
    ).toBe(403);
    const saved = await t.as(admin, 'PUT', `/api/v1/items/${itemKey}`, {
      ...item,
      department: department.key,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(2);
    const compiled = await get(`/api/v1/bundles/${key}/compiled`);
    expect(compiled.materials.map((m: { name: string }) => m.name)).toContain(
      item.materials[0].name,
    );
  });

  it('refuses an item promising more than the law allows, naming the field', async () => {
    const {
      department,
      updatedAt: _u,
      version: _v,
      key,
      ...item
    } = (await get('/api/v1/items?limit=1')).data[0] &&
    (await get(`/api/v1/items/${(await get('/api/v1/items?limit=1')).data[0].key}`));
    const res = await t.as(admin, 'PUT', `/api/v1/items/${key}`, {
      ...item,
      department: department.key,
      statutoryDays: 3,
      promisedDays: 4,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'item_promise_exceeds_statutory',
      field: 'promisedDays',
    });
  });
});

describe('the bundle compiler’s refusals through the API', () => {
  const item = (key: string, elementType: 'string' | 'number', promisedDays = 2) => ({
    basicCode: `T-${key}`,
    implementationCode: `330106-T-${key}`,
    name: `测试事项${key}`,
    nameEn: `Test item ${key}`,
    type: 'permit',
    department: 'market-regulation',
    legalBasis: '测试',
    conditions: '测试',
    statutoryDays: 10,
    promisedDays,
    visits: 0,
    fees: [],
    channels: ['web'],
    handlingLevels: ['district'],
    result: { kind: 'decision' },
    materials: [],
    form: {
      type: 'object',
      properties: {
        'premises.test_area': { type: elementType, title: '面积', 'x-title-en': 'Area' },
      },
      required: [],
    },
  });
  const bundle = (
    items: { item: string; after?: string[]; when?: string }[],
    promisedDays = 10,
  ) => ({
    name: '测试一件事',
    nameEn: 'Test bundle',
    audience: 'enterprise',
    stage: 'opening',
    description: '',
    promisedDays,
    items,
  });
  const put = (key: string, body: object) => t.as(admin, 'PUT', `/api/v1/bundles/${key}`, body);
  const codes = (res: { json(): { error: { details?: { message: string }[]; code: string } } }) =>
    res.json().error;

  beforeAll(async () => {
    for (const [key, type, days] of [
      ['t-alpha', 'number', 2],
      ['t-beta', 'number', 3],
      ['t-gamma', 'string', 1],
    ] as const) {
      const r = await t.as(admin, 'PUT', `/api/v1/items/${key}`, item(key, type, days));
      expect(r.statusCode, r.body).toBe(200);
    }
  });

  it('accepts a valid definition and computes its critical path', async () => {
    const res = await put(
      't-ok',
      bundle([{ item: 't-alpha' }, { item: 't-beta', after: ['t-alpha'] }], 5),
    );
    expect(res.statusCode, res.body).toBe(200);
    const compiled = await get('/api/v1/bundles/t-ok/compiled');
    expect(compiled.criticalPath).toEqual({ days: 5, items: ['t-alpha', 't-beta'] });
  });

  it('refuses a cycle', async () => {
    const res = await put(
      't-cycle',
      bundle([
        { item: 't-alpha', after: ['t-beta'] },
        { item: 't-beta', after: ['t-alpha'] },
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(codes(res).code).toBe('bundle_invalid');
    expect(JSON.stringify(codes(res).details)).toMatch(/循环/);
  });

  it('refuses an unknown item, naming it', async () => {
    const res = await put('t-unknown', bundle([{ item: 't-alpha' }, { item: 'no-such-item' }]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({
      field: 'items[1].item',
      message: expect.stringContaining('no-such-item'),
    });
  });

  it('refuses two items disagreeing on a data element, naming both', async () => {
    const res = await t.as(
      admin,
      'PUT',
      '/api/v1/bundles/t-conflict',
      bundle([{ item: 't-alpha' }, { item: 't-gamma' }]),
      {
        'accept-language': 'en',
      },
    );
    expect(res.statusCode).toBe(400);
    const message = res.json().error.details[0].message;
    expect(message).toContain('premises.test_area');
    expect(message).toContain('t-alpha');
    expect(message).toContain('t-gamma');
  });

  it('refuses a promise shorter than the critical path', async () => {
    const res = await put(
      't-short',
      bundle([{ item: 't-alpha' }, { item: 't-beta', after: ['t-alpha'] }], 4),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'promisedDays' });
    // Nothing half-written: the refused bundle does not exist.
    expect((await t.as(null, 'GET', '/api/v1/bundles/t-short')).statusCode).toBe(404);
  });

  it('reports the findings of a draft without saving it', async () => {
    const res = await t.as(admin, 'POST', '/api/v1/bundles/compile', {
      key: 't-draft',
      ...bundle([{ item: 't-alpha', after: ['t-missing'] }], 0),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().ok).toBe(false);
    expect(res.json().problems.map((p: { code: string }) => p.code)).toContain(
      'bundle_unknown_dependency',
    );
    expect((await t.as(null, 'GET', '/api/v1/bundles/t-draft')).statusCode).toBe(404);
  });
});

describe('the Excel implementation list', () => {
  const exportBook = async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/catalogue/export',
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    return res.rawPayload;
  };
  const importBook = (body: Buffer) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/catalogue/import',
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': admin.csrf,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      payload: body,
    });

  it('imports its own export back without changing anything', async () => {
    const before = await get('/api/v1/items?limit=5');
    const file = await exportBook();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'items',
      'materials',
      'fees',
      'service_points',
      'bundles',
      'bundle_items',
    ]);
    const res = await importBook(file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().changed).toBe(0);
    expect(await get('/api/v1/items?limit=5')).toEqual(before);
    expect(await exportBook()).toSatisfy((again: Buffer) => again.length > 0);
  });

  it('refuses a malformed workbook whole, listing every problem by sheet, row and column', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportBook()) as unknown as ArrayBuffer);
    const items = book.getWorksheet('items')!;
    const header = items.getRow(1).values as string[];
    const col = (name: string) => header.indexOf(name);
    items.getRow(2).getCell(col('type')).value = 'no-such-type';
    items.getRow(3).getCell(col('promisedDays')).value = 'soon';
    const name3 = String(items.getRow(4).getCell(col('name')).value);
    items.getRow(4).getCell(col('name')).value = `${name3}（改）`;
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const res = await importBook(file);
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details;
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'items', row: 2, column: 'type' }),
        expect.objectContaining({ sheet: 'items', row: 3, column: 'promisedDays' }),
      ]),
    );
    // The valid change on row 4 was not applied either: nothing is half-imported.
    const names = (await get(`/api/v1/search?q=${encodeURIComponent(`${name3}（改）`)}`)).data;
    expect(names.filter((h: { name: string }) => h.name === `${name3}（改）`)).toHaveLength(0);
  });

  it('applies a changed cell and counts it', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportBook()) as unknown as ArrayBuffer);
    const items = book.getWorksheet('items')!;
    const header = items.getRow(1).values as string[];
    const key = String(items.getRow(2).getCell(header.indexOf('key')).value);
    items.getRow(2).getCell(header.indexOf('conditions')).value = '导入测试：新的受理条件';
    const res = await importBook(Buffer.from(await book.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().changed).toBe(1);
    expect((await get(`/api/v1/items/${key}`)).conditions).toBe('导入测试：新的受理条件');
  });

  it('sees another process replace a bundle with one of another key', async () => {
    // The count, the versions' sum and the latest change all stay as they were: only the keys
    // tell the cached bundle names are out of date.
    const db = t.database.handle.db;
    const before = await catalogueNames(db);
    const row = await db
      .selectFrom('catalogue_bundle')
      .selectAll()
      .orderBy('updated_at')
      .orderBy('key')
      .executeTakeFirstOrThrow();
    const renamed = `${row.key}-renamed`;
    const swap = (from: string, to: string) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('catalogue_bundle').where('key', '=', from).execute();
        await trx
          .insertInto('catalogue_bundle')
          .values({ ...row, key: to })
          .execute();
      });
    expect(before.bundles.get(row.key)?.name).toBe(row.name);
    await swap(row.key, renamed);
    try {
      const after = await catalogueNames(db);
      expect(after.bundles.get(renamed)?.name).toBe(row.name);
      expect(after.bundles.has(row.key)).toBe(false);
    } finally {
      await swap(renamed, row.key);
    }
  });

  it('sees an item edited by plain SQL that bumps neither its version nor its time', async () => {
    // The engine's cached catalogue must follow any write to the table, not only the service's.
    const db = t.database.handle.db;
    const row = await db
      .selectFrom('catalogue_item')
      .select(['key', 'definition'])
      .orderBy('key')
      .executeTakeFirstOrThrow();
    expect((await itemCatalogue(db)).get(row.key)?.name).toBe(row.definition.name);
    const edit = (name: string) =>
      sql`update catalogue_item set definition = jsonb_set(definition, '{name}', to_jsonb(${name}::text))
          where key = ${row.key}`.execute(db);
    await edit('直接改过的名称');
    try {
      expect((await itemCatalogue(db)).get(row.key)?.name).toBe('直接改过的名称');
    } finally {
      await edit(row.definition.name);
    }
    expect((await itemCatalogue(db)).get(row.key)?.name).toBe(row.definition.name);
  });

  it('renames a bundle and an item on the city brain as soon as the import lands', async () => {
    // The KPI set names subjects from a cached catalogue: an import must show through at once.
    const leader = await t.login('leader');
    const subjects = async () =>
      new Map<string, string>(
        (await get('/api/v1/brain/services', leader)).bySubject.map(
          (r: { subject: { code: string; name: string } }) => [r.subject.code, r.subject.name],
        ),
      );
    const before = await subjects();
    const bundleKey = [...before.keys()].find((c) => c.startsWith('bundle:'))!.slice(7);
    const itemKey = [...before.keys()].find((c) => c.startsWith('item:'))!.slice(5);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportBook()) as unknown as ArrayBuffer);
    const rename = (sheet: string, key: string) => {
      const rows = book.getWorksheet(sheet)!;
      const header = rows.getRow(1).values as string[];
      rows.eachRow((row) => {
        if (String(row.getCell(header.indexOf('key')).value) !== key) return;
        const cell = row.getCell(header.indexOf('name'));
        cell.value = `${String(cell.value)}（新名）`;
      });
    };
    rename('bundles', bundleKey);
    rename('items', itemKey);
    const res = await importBook(Buffer.from(await book.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().changed).toBe(2);
    const after = await subjects();
    expect(after.get(`bundle:${bundleKey}`)).toBe(`${before.get(`bundle:${bundleKey}`)}（新名）`);
    expect(after.get(`item:${itemKey}`)).toBe(`${before.get(`item:${itemKey}`)}（新名）`);
  });
});
