import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/test-app.ts';
import { shanghaiToday } from './today.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let leader: Session;
let science: Session; // reviewer in dept:science-technology
let market: Session; // reviewer in dept:market-regulation
let economy: Session; // reviewer in dept:economy-information
let clerk: Session; // window clerk in dept:government-services, which owns nothing
let applicant: Session;
const today = shanghaiToday();

beforeAll(async () => {
  t = await createTestApp();
  leader = await t.login('leader');
  science = await t.login('reviewer-science-technology');
  market = await t.login('reviewer-market');
  economy = await t.login('reviewer-economy-information');
  clerk = await t.login('clerk');
  applicant = await t.login('zhangsan');
});
afterAll(() => t?.close());

const get = async (url: string, session: Session = leader) => {
  const res = await t.as(session, 'GET', url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
};

interface Target {
  id: string;
  key: string;
  name: string;
  unit: string;
  targetValue: number;
  baseline: number;
  progress: number | null;
  latest: { value: number; reportedOn: string; demo: boolean } | null;
  ownerUnit: { code: string };
  demo: boolean;
}
interface Node {
  key: string;
  kind: string;
  name: string;
  progress: number | null;
  children: Node[];
  targets: Target[];
}

const allTargets = async (session: Session = leader): Promise<Target[]> =>
  (await get('/api/v1/targets?limit=200', session)).data;
const targetByKey = async (key: string) => (await allTargets()).find((x) => x.key === key)!;

function findNode(root: Node, key: string): Node | undefined {
  if (root.key === key) return root;
  for (const c of root.children) {
    const hit = findNode(c, key);
    if (hit) return hit;
  }
  return undefined;
}
const leafOf = (root: Node, key: string): Target | undefined => {
  const walk = (n: Node): Target | undefined =>
    n.targets.find((x) => x.key === key) ?? n.children.map(walk).find(Boolean);
  return walk(root);
};

describe('the seeded plan', () => {
  it('has every figure of the article, and says which figures are demo', async () => {
    const targets = new Map((await allTargets()).map((x) => [x.key, x]));
    const expected: [string, number, string][] = [
      ['xihu-2020.land-preparation', 2800, '亩'],
      ['xihu-2020.land-sale', 1300, '亩'],
      ['xihu-2020.building-renovations', 40, '个'],
      ['xihu-2020.building-renovation-area', 160, '万平方米'],
      ['xihu-2020.high-tech-enterprises', 123, '家'],
      ['xihu-2020.tech-smes', 210, '家'],
      ['xihu-2020.rd-centres', 35, '家'],
      ['xihu-2020.maker-spaces', 3, '家'],
      ['xihu-2020.incubators', 2, '家'],
      ['xihu-2020.listings', 10, '家'],
      ['xihu-2020.individual-to-enterprise', 180, '家'],
      ['xihu-2020.industrial-enterprises', 128, '家'],
      ['xihu-2020.talent-housing', 10000, '套'],
      ['xihu-2019.resettlement-started', 96.6, '万平方米'],
      ['xihu-2019.resettlement-completed', 29.2, '万平方米'],
      ['xihu-2019.resettlement-delivered', 39.1, '万平方米'],
      ['xihu-2019.beautiful-rivers', 13, '条'],
      ['xihu-2019.old-communities', 14, '个'],
      ['xihu-2019.waste-sorting-communities', 40, '个'],
    ];
    for (const [key, value, unit] of expected) {
      expect(targets.get(key), key).toMatchObject({ targetValue: value, unit });
    }
    // The article's own figures are not demo; the 2020 progress it does not give is.
    const highTech = targets.get('xihu-2020.high-tech-enterprises')!;
    expect(highTech.demo).toBe(false);
    expect(highTech.latest?.demo).toBe(true);
    expect(highTech.ownerUnit.code).toBe('dept:science-technology');
    expect(targets.get('xihu-2020.industrial-enterprises')!.demo).toBe(true);
    const resettlement = targets.get('xihu-2019.resettlement-started')!;
    expect(resettlement.latest).toEqual({ value: 96.6, reportedOn: '2019-12-31', demo: false });
    expect(resettlement.progress).toBe(1);
  });

  it('draws the plan as a tree of three campaigns and seven focuses, rolled up', async () => {
    const plan = await get('/api/v1/plan');
    expect(plan).toMatchObject({ key: 'xihu-2020', kind: 'plan', demo: true });
    expect(plan.plans.map((p: { key: string }) => p.key)).toEqual(['xihu-2020', 'xihu-2019']);
    const campaigns = plan.children.filter((c: Node) => c.kind === 'campaign');
    expect(campaigns.map((c: Node) => c.name)).toEqual([
      '营商环境提升年',
      '企业服务年',
      '新制造业推动年',
    ]);
    expect(plan.children.filter((c: Node) => c.kind === 'focus')).toHaveLength(7);
    expect(plan.targetCount).toBeGreaterThanOrEqual(17);
    expect(plan.reportedCount).toBeLessThan(plan.targetCount);
    for (const c of plan.children) {
      expect(c.progress, c.key).toBeGreaterThanOrEqual(0);
      expect(c.progress, c.key).toBeLessThanOrEqual(1);
    }
    const average =
      plan.children.reduce((s: number, c: Node) => s + c.progress!, 0) / plan.children.length;
    expect(plan.progress).toBeCloseTo(average, 10);

    const review = await get('/api/v1/plan?key=xihu-2019');
    expect(review).toMatchObject({ key: 'xihu-2019', progress: 1, demo: false });
    expect((await t.as(leader, 'GET', '/api/v1/plan?key=xihu-1999')).statusCode).toBe(404);
  });

  it('seeds the projects the article names, demo figures flagged, investment in 万元', async () => {
    const { data, total } = await get('/api/v1/projects?limit=200');
    expect(total).toBe(data.length);
    const names = data.map((p: { name: string }) => p.name).join('|');
    for (const name of [
      '浙能集团研发总部',
      '之江文化中心',
      '天堂镓谷',
      '西湖大学云谷校区',
      '蚂蚁金服全球总部',
      '中船重工海洋装备产业园',
      '养生堂生命健康产业园',
      '国际茶叶博览会永久会址',
    ])
      expect(names, name).toContain(name);
    for (const p of data) {
      expect(p).toMatchObject({ demo: true, investmentUnit: '万元', year: 2020 });
      expect(['north', 'middle', 'south']).toContain(p.area);
    }
    const p152 = await get('/api/v1/projects?programme=project-152');
    expect(p152.total).toBe(3);
  });
});

describe('progress reports', () => {
  const key = 'xihu-2020.high-tech-enterprises';

  it('a report by the owning department moves its target and every node above it', async () => {
    const before = await get('/api/v1/plan');
    const target = await targetByKey(key);
    const res = await t.as(science, 'POST', `/api/v1/targets/${target.id}/reports`, {
      value: target.latest!.value + 40,
      reportedOn: today,
      evidence: '科技局认定批次公示',
      evidenceUrl: 'https://kjj.example.gov.cn/notice/2020-1',
    });
    expect(res.statusCode, res.body).toBe(201);
    const detail = res.json();
    expect(detail.latest).toEqual({
      value: target.latest!.value + 40,
      reportedOn: today,
      demo: false,
    });
    expect(detail.reports[0]).toMatchObject({
      reportedBy: 'reviewer-science-technology',
      reportedByUnit: { code: 'dept:science-technology' },
      via: 'api',
      demo: false,
      evidence: '科技局认定批次公示',
    });
    expect(detail.ancestors.map((a: { key: string }) => a.key)).toEqual([
      'xihu-2020',
      'xihu-2020.focus-innovation',
    ]);

    const after = await get('/api/v1/plan');
    expect(leafOf(after, key)!.progress!).toBeGreaterThan(leafOf(before, key)!.progress!);
    for (const node of ['xihu-2020.focus-innovation', 'xihu-2020'])
      expect(findNode(after, node)!.progress!, node).toBeGreaterThan(
        findNode(before, node)!.progress!,
      );
    // The detail's ancestors carry the same rolled-up figures as the tree.
    expect(detail.ancestors[1].progress).toBeCloseTo(
      findNode(after, 'xihu-2020.focus-innovation')!.progress!,
      10,
    );
    // Other branches do not move.
    expect(findNode(after, 'xihu-2020.enterprise-service')!.progress).toBe(
      findNode(before, 'xihu-2020.enterprise-service')!.progress,
    );
  });

  it('reads a less-is-better target the right way round', async () => {
    const days = await targetByKey('xihu-2020.business-start-days');
    expect(days).toMatchObject({ baseline: 3, targetValue: 1, latest: { value: 1.5 } });
    expect(days.progress).toBeCloseTo(0.75);
  });

  it('takes a retried report once (Idempotency-Key)', async () => {
    const target = await targetByKey('xihu-2020.tech-smes');
    const body = { value: 170, reportedOn: today };
    const headers = { 'idempotency-key': 'plan-report-retry-1' };
    const url = `/api/v1/targets/${target.id}/reports`;
    const first = await t.as(science, 'POST', url, body, headers);
    const second = await t.as(science, 'POST', url, body, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const detail = await get(`/api/v1/targets/${target.id}`);
    expect(detail.reports.filter((r: { value: number }) => r.value === 170)).toHaveLength(1);
  });

  it('refuses a bad report with the field and the reason', async () => {
    const target = await targetByKey('xihu-2020.maker-spaces');
    const url = `/api/v1/targets/${target.id}/reports`;
    const cases: [unknown, string, string][] = [
      [{ value: 1, reportedOn: '2999-01-01' }, 'reportedOn', 'validation_maximum'],
      [{ value: 1, reportedOn: '2019-06-30' }, 'reportedOn', 'validation_minimum'],
      [{ value: 1, reportedOn: '2020-02-30' }, 'reportedOn', 'date_invalid'],
      [{ value: 1, reportedOn: '2020/06/30' }, 'reportedOn', 'validation_pattern'],
      [{ reportedOn: today }, 'value', 'validation_required'],
      [{ value: 'many', reportedOn: today }, 'value', 'validation_type'],
      [{ value: 1, reportedOn: today, by: 'me' }, 'by', 'validation_additional'],
      [
        { value: 1, reportedOn: today, evidenceUrl: 'ftp://x' },
        'evidenceUrl',
        'validation_pattern',
      ],
    ];
    for (const [body, field, code] of cases) {
      const res = await t.as(science, 'POST', url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error, JSON.stringify(body)).toMatchObject({ code, field });
    }
    expect((await get(`/api/v1/targets/${target.id}`)).reports).toHaveLength(1);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await t.as(leader, 'GET', `/api/v1/targets/${missing}`)).statusCode).toBe(404);
    expect((await t.as(leader, 'GET', '/api/v1/targets/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('who reads and reports', () => {
  it('keeps applicants out', async () => {
    for (const url of ['/api/v1/plan', '/api/v1/targets', '/api/v1/projects'])
      expect((await t.as(applicant, 'GET', url)).statusCode, url).toBe(403);
    expect((await t.as(null, 'GET', '/api/v1/plan')).statusCode).toBe(401);
  });

  it('shows a department its own targets and projects only, and 403 for the rest', async () => {
    const mine = await allTargets(science);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((x) => x.ownerUnit.code))).toEqual(
      new Set(['dept:science-technology']),
    );
    const other = await targetByKey('xihu-2020.individual-to-enterprise');
    expect((await t.as(science, 'GET', `/api/v1/targets/${other.id}`)).statusCode).toBe(403);
    expect(
      (
        await t.as(science, 'POST', `/api/v1/targets/${other.id}/reports`, {
          value: 1,
          reportedOn: today,
        })
      ).statusCode,
    ).toBe(403);
    // The owning department may.
    expect((await t.as(market, 'GET', `/api/v1/targets/${other.id}`)).statusCode).toBe(200);

    const plan = await get('/api/v1/plan', science);
    const keys: string[] = [];
    const walk = (n: Node) => {
      keys.push(...n.targets.map((x) => x.key));
      n.children.forEach(walk);
    };
    walk(plan);
    expect(keys.sort()).toEqual(
      mine
        .filter((x) => x.key.startsWith('xihu-2020.'))
        .map((x) => x.key)
        .sort(),
    );
    // Nodes keep the district's figure.
    const full = await get('/api/v1/plan');
    expect(plan.progress).toBe(full.progress);

    const noTargets = await get('/api/v1/targets', clerk);
    expect(noTargets).toEqual({ data: [], total: 0 });
    const projects = await get('/api/v1/projects?limit=200', economy);
    expect(projects.total).toBeGreaterThan(0);
    for (const p of projects.data) expect(p.ownerUnit.code).toBe('dept:economy-information');
  });
});

describe('projects', () => {
  it('filters by area, status, platform and slippage', async () => {
    const north = await get('/api/v1/projects?area=north&limit=200');
    expect(north.total).toBeGreaterThan(0);
    for (const p of north.data) expect(p).toMatchObject({ area: 'north', areaName: '北强' });
    const zjg = await get('/api/v1/projects?platform=zijingang-science-city&limit=200');
    expect(zjg.total).toBeGreaterThan(0);
    for (const p of zjg.data) expect(p.platform.group).toBe('three-cities-one-valley');
    const inUse = await get('/api/v1/projects?status=in-use&limit=200');
    for (const p of inUse.data) expect(p.milestones.at(-1).actualOn).not.toBeNull();
    const slipping = await get('/api/v1/projects?slipping=true&limit=200');
    const onTrack = await get('/api/v1/projects?slipping=false&limit=200');
    expect(slipping.total + onTrack.total).toBe((await get('/api/v1/projects?limit=200')).total);
    for (const p of slipping.data) expect(p.warning, p.key).toBe(true);
    for (const p of onTrack.data) expect(p.warning, p.key).toBe(false);
    expect((await t.as(leader, 'GET', '/api/v1/projects?area=east')).statusCode).toBe(400);
  });

  it('records a milestone: status follows, the slip clears, concurrent edits get 409', async () => {
    const list = await get('/api/v1/projects?q=中船重工');
    const id = list.data[0].id;
    const before = await get(`/api/v1/projects/${id}`);
    expect(before.status).toBe('preparing');
    const start = before.milestones.find((m: { key: string }) => m.key === 'groundbreaking');
    expect(start).toMatchObject({ state: 'overdue', warning: true, actualOn: null });
    const url = `/api/v1/projects/${id}/milestones/groundbreaking`;

    const { version } = before;
    expect(
      (await t.as(science, 'PATCH', url, { actualOn: '2020-12-20', version })).statusCode,
    ).toBe(403);
    // Without the version seen, a record could silently overwrite another department's.
    const blind = await t.as(economy, 'PATCH', url, { actualOn: '2020-12-20' });
    expect(blind.json().error).toMatchObject({ code: 'validation_required', field: 'version' });
    const future = await t.as(economy, 'PATCH', url, { actualOn: '2999-01-01', version });
    expect(future.json().error).toMatchObject({ code: 'validation_maximum', field: 'actualOn' });
    const early = await t.as(economy, 'PATCH', url, { actualOn: '2020-01-01', version });
    expect(early.json().error).toMatchObject({ code: 'validation_minimum', field: 'actualOn' });

    const res = await t.as(economy, 'PATCH', url, {
      actualOn: '2020-12-20',
      note: '桩基工程开工',
      version: before.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after.status).toBe('under-construction');
    expect(after.version).toBe(before.version + 1);
    expect(after.milestones.find((m: { key: string }) => m.key === 'groundbreaking')).toMatchObject(
      { actualOn: '2020-12-20', state: 'done', warning: false, demo: false, note: '桩基工程开工' },
    );
    const stale = await t.as(economy, 'PATCH', url, {
      actualOn: '2020-12-21',
      version: before.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const unknown = await t.as(economy, 'PATCH', `/api/v1/projects/${id}/milestones/ribbon`, {
      actualOn: null,
      version: after.version,
    });
    expect(unknown.json().error).toMatchObject({ code: 'validation_enum', field: 'key' });
  });
});

describe('Excel', () => {
  async function download(session: Session, url = '/api/v1/targets/export.xlsx') {
    const res = await t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: session.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    return res.rawPayload;
  }
  const upload = (session: Session, file: Buffer) =>
    t.as(session, 'POST', '/api/v1/targets/import', file, { 'content-type': XLSX });
  async function edit(file: Buffer, change: (sheet: ExcelJS.Worksheet) => void) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    change(book.getWorksheet('targets')!);
    return Buffer.from(await book.xlsx.writeBuffer());
  }
  const column = (sheet: ExcelJS.Worksheet, name: string) => {
    let at = 0;
    sheet.getRow(1).eachCell((c, i) => {
      if (c.value === name) at = i;
    });
    return at;
  };
  const rowOf = (sheet: ExcelJS.Worksheet, key: string) => {
    let at = 0;
    sheet.eachRow((r, i) => {
      if (r.getCell(1).value === key) at = i;
    });
    return at;
  };

  it('imports an exported sheet back without changing anything', async () => {
    const before = await allTargets();
    const res = await upload(leader, await download(leader));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, rows: before.length });
    expect(await allTargets()).toEqual(before);
  });

  it('takes a department’s new figures as reports', async () => {
    const file = await download(science);
    const changed = await edit(file, (sheet) => {
      const r = rowOf(sheet, 'xihu-2020.incubators');
      sheet.getRow(r).getCell(column(sheet, 'value')).value = 1;
      sheet.getRow(r).getCell(column(sheet, 'reportedOn')).value = today;
      sheet.getRow(r).getCell(column(sheet, 'evidence')).value = '省级孵化器认定';
    });
    const res = await upload(science, changed);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1 });
    const incubators = await targetByKey('xihu-2020.incubators');
    expect(incubators.latest).toEqual({ value: 1, reportedOn: today, demo: false });
    expect(incubators.progress).toBeCloseTo(0.5);
    // The same sheet again changes nothing.
    const again = (await upload(science, changed)).json();
    expect(again.created).toBe(0);
    expect(again.unchanged).toBe(again.rows - again.skipped);
  });

  it('refuses a bad sheet whole, every problem by row and column', async () => {
    const before = await allTargets();
    const file = await edit(await download(leader), (sheet) => {
      const value = column(sheet, 'value');
      const date = column(sheet, 'reportedOn');
      sheet.getRow(rowOf(sheet, 'xihu-2020.listings')).getCell(value).value = 'seven';
      sheet.getRow(rowOf(sheet, 'xihu-2020.rd-centres')).getCell(date).value = '2020-13-45';
      sheet.getRow(rowOf(sheet, 'xihu-2020.tech-smes')).getCell(date).value = '2999-01-01';
      // A good change in the same sheet is not written either.
      sheet.getRow(rowOf(sheet, 'xihu-2020.maker-spaces')).getCell(value).value = 2;
      sheet.getRow(rowOf(sheet, 'xihu-2020.maker-spaces')).getCell(date).value = today;
      sheet.addRow(['xihu-2020.no-such-target']);
    });
    const res = await upload(leader, file);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('import_invalid');
    const where = error.details.map((d: { row: number; column: string }) => `${d.column}`);
    expect(where.sort()).toEqual(['key', 'reportedOn', 'reportedOn', 'value']);
    for (const d of error.details) {
      expect(d).toMatchObject({ sheet: 'targets', row: expect.any(Number) });
      expect(d.message.length).toBeGreaterThan(0);
    }
    expect(await allTargets()).toEqual(before);
  });

  it('refuses rows of another department’s targets', async () => {
    const res = await upload(science, await download(leader));
    expect(res.statusCode).toBe(400);
    const codes = new Set(res.json().error.details.map((d: { message: string }) => d.message));
    expect(codes.size).toBe(1);
    expect(res.json().error.details.length).toBeGreaterThan(5);
  });

  it('refuses what is not a spreadsheet, or lacks the sheet or a column', async () => {
    const junk = await upload(leader, Buffer.from('not a workbook'));
    expect(junk.json().error.code).toBe('import_not_xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('other');
    const noSheet = await upload(leader, Buffer.from(await book.xlsx.writeBuffer()));
    expect(noSheet.json().error.details[0]).toMatchObject({ sheet: 'targets' });
    const noColumn = await edit(await download(leader), (sheet) => {
      sheet.getRow(1).getCell(column(sheet, 'reportedOn')).value = 'date';
    });
    const res = await upload(leader, noColumn);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ sheet: 'targets', column: 'reportedOn' }),
    ]);
  });

  it('exports projects with their milestones', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await download(leader, '/api/v1/projects/export.xlsx')) as unknown as ArrayBuffer,
    );
    expect(book.getWorksheet('projects')!.rowCount).toBeGreaterThan(10);
    expect(book.getWorksheet('milestones')!.rowCount).toBeGreaterThan(40);
  });
});

describe('the OpenAPI document', () => {
  it('describes the plan routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/v1/plan',
      '/api/v1/targets',
      '/api/v1/targets/{id}',
      '/api/v1/targets/{id}/reports',
      '/api/v1/targets/export.xlsx',
      '/api/v1/targets/import',
      '/api/v1/projects',
      '/api/v1/projects/{id}',
      '/api/v1/projects/{id}/milestones/{key}',
    ])
      expect(paths, p).toContain(p);
  });
});
