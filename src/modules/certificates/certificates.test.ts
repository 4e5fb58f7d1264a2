import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDriver, type Json } from '../../../test/helpers/cases.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { SYSTEM_ACTOR } from '../../shared/actor.ts';
import { logOnlyNotifier, processOutbox } from '../cases/index.ts';
import { listEnterprises } from '../identity/index.ts';
import { issueCertificate } from './issue.service.ts';
import { qrContent } from './rules/reference.ts';

let t: TestApp;
let d: ReturnType<typeof caseDriver>;
beforeAll(async () => {
  t = await createTestApp();
  d = caseDriver(t);
});
afterAll(() => t?.close());

const REVIEWERS: Record<string, string> = {
  'market-regulation': 'reviewer-market',
  health: 'reviewer-health',
  'fire-rescue': 'reviewer-fire',
};
const reviewerOf = (task: Json) => {
  const key = String(task.ownerUnit.code).replace(/^dept:/, '');
  return REVIEWERS[key] ?? `reviewer-${key}`;
};

/** One pass of the outbox with the certificate issuer, as the scheduler runs it. */
const runOutbox = async () => {
  let n = 0;
  const deps = {
    db: t.database.handle.db,
    calendar: t.app.services.calendar,
    outboxHandlers: t.app.services.outboxHandlers,
  };
  for (
    let k;
    (k = await processOutbox(
      deps,
      logOnlyNotifier(() => {}),
    )) > 0;
  )
    n += k;
  return n;
};

/** Accepts at the window, then approves every review as it opens, until delivery. */
async function approveAll(c: Json): Promise<Json> {
  c = await d.actOn('clerk', c, 'intake', 'accept');
  for (let round = 0; round < 10; round++) {
    const open = c.tasks.filter(
      (x: Json) => x.state === 'open' && String(x.stepKey).startsWith('review:'),
    );
    if (!open.length) break;
    for (const task of open) c = await d.actOn(reviewerOf(task), c, task.stepKey, 'approve');
  }
  return c;
}

const certificatesOf = async (user: string) =>
  (await d.ok(user, 'GET', '/certificates/mine')).data as Json[];

describe('开办企业 → 开餐饮店: the licence is issued once and then attached, not uploaded', () => {
  let licence: Json;

  it('issues the business licence once when the registration is approved, however often the outbox runs', async () => {
    expect(await certificatesOf('xixi-flavour')).toEqual([]);
    let c = await d.newCase('xixi-flavour', 'open-business');
    c = await approveAll(c);
    expect(['delivering', 'closed']).toContain(c.state);
    await runOutbox();
    // The demo cases' approvals are issued in the same pass: this case's own, exactly one.
    const ofCase = async () =>
      (await certificatesOf('xixi-flavour')).filter((x) => x.caseId === c.id);
    let mine = await ofCase();
    expect(mine.map((x) => x.type)).toEqual(['business-licence']);
    licence = mine[0]!;
    expect(licence).toMatchObject({
      status: 'valid',
      caseId: c.id,
      itemKey: 'business-registration',
      holderKind: 'enterprise',
      issuerCode: 'dept:market-regulation',
      validUntil: null,
    });
    expect(licence.number).toMatch(/^YYZZ-330106-\d{4}-\d{7}-\d{2}$/);
    expect(licence.compact).toMatch(/^OT1\.[\w-]+\.[\w-]+$/);

    // The outbox delivers at least once: the same event again issues nothing new.
    await t.database.handle.db
      .updateTable('outbox')
      .set({ processed_at: null })
      .where('topic', '=', 'case.approve')
      .execute();
    const before = (await certificatesOf('xixi-flavour')).length;
    await runOutbox();
    await runOutbox();
    expect(await certificatesOf('xixi-flavour')).toHaveLength(before);
    mine = await ofCase();
    expect(mine).toHaveLength(1);
    expect(mine[0]!.number).toBe(licence.number);
  });

  it('attaches the licence to a later 开餐饮店 application by itself, marked so', async () => {
    const draft = await d.ok('xixi-flavour', 'POST', '/cases', {
      subject: { kind: 'bundle', key: 'open-restaurant' },
    });
    // business-registration is in this bundle too, so the bundle would issue a licence itself;
    // the food business permit item still asks for one and gets the held licence.
    const attached = draft.materials.filter((m: Json) => m.attachedFrom);
    expect(attached).toEqual([
      expect.objectContaining({
        key: 'business-licence',
        source: 'certificate',
        reference: licence.number,
        attachedFrom: 'certificate',
      }),
    ]);
    // The applicant saves other uploads: the attached licence stays, no upload of it.
    const saved = await d.ok('xixi-flavour', 'PATCH', `/cases/${draft.id}`, {
      version: draft.version,
      materials: [
        { key: 'kitchen-layout-plan', name: '布局', source: 'upload', reference: 'k.pdf' },
      ],
    });
    const keys = saved.materials.map((m: Json) => `${m.key}:${m.source}`);
    expect(keys[0]).toBe('kitchen-layout-plan:upload');
    expect(keys).toContain('business-licence:certificate');
    // The client may not claim an attachment for its own upload.
    const claimed = await d.ok('xixi-flavour', 'PATCH', `/cases/${draft.id}`, {
      version: saved.version,
      materials: [
        {
          key: 'food-safety-system',
          name: '制度',
          source: 'upload',
          reference: 'f.pdf',
          attachedFrom: 'certificate',
        },
      ],
    });
    const own = claimed.materials.find((m: Json) => m.key === 'food-safety-system');
    expect(own.attachedFrom).toBeUndefined();
  });

  it('applies through 开餐饮店 alone for an item that needs the licence', async () => {
    const draft = await d.ok('xixi-flavour', 'POST', '/cases', {
      subject: { kind: 'item', key: 'food-business-permit' },
    });
    expect(draft.materials).toContainEqual(
      expect.objectContaining({ key: 'business-licence', attachedFrom: 'certificate' }),
    );
    const zero = await d.ok('xixi-flavour', 'GET', '/zero-material/item/food-business-permit');
    expect(zero.fromCertificates).toBe(1);
    expect(zero.rate).toBeGreaterThan(0);
    expect(zero.rate).toBeLessThan(1);
  });
});

describe('revocation and expiry', () => {
  let enterpriseId: string;
  let expired: Json;
  let revoked: Json;

  beforeAll(async () => {
    const db = t.database.handle.db;
    enterpriseId = (await listEnterprises(db, { name: '西溪味道', limit: 1, offset: 0 })).data[0]!
      .id;
    const keys = t.app.services.certificateKeys;
    const made = await db.transaction().execute(async (trx) => ({
      expired: await issueCertificate(trx, keys, SYSTEM_ACTOR, {
        type: 'food-business-permit',
        holder: { enterpriseId },
        department: 'market-regulation',
        issuedOn: '2020-01-10',
      }),
      revoked: await issueCertificate(trx, keys, SYSTEM_ACTOR, {
        type: 'public-place-hygiene-permit',
        holder: { enterpriseId },
        department: 'health',
        issuedOn: '2025-06-01',
      }),
    }));
    const mine = await certificatesOf('xixi-flavour');
    expired = mine.find((c) => c.id === made.expired.id)!;
    revoked = mine.find((c) => c.id === made.revoked.id)!;
  });

  it('says expired past the last valid day, and does not attach it to a new application', async () => {
    expect(expired).toMatchObject({ status: 'expired', validUntil: '2025-01-09' });
    const v = await d.ok('xixi-flavour', 'GET', `/certificates/verify?c=${expired.compact}`);
    expect(v.outcome).toBe('expired');
    const draft = await d.ok('xixi-flavour', 'POST', '/cases', {
      subject: { kind: 'item', key: 'food-business-permit-change' },
    });
    const refs = draft.materials.map((m: Json) => m.reference);
    expect(refs).not.toContain(expired.number);
  });

  it('revokes with a reason, by the issuing department only, once; verify says revoked with the date', async () => {
    expect(revoked.status).toBe('valid');
    const wrongDept = await d.call(
      'reviewer-market',
      'POST',
      `/certificates/${revoked.id}/revoke`,
      {
        reason: '不是我发的',
      },
    );
    expect(wrongDept.statusCode).toBe(403);
    const noReason = await d.call('reviewer-health', 'POST', `/certificates/${revoked.id}/revoke`, {
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    const done = await d.ok('reviewer-health', 'POST', `/certificates/${revoked.id}/revoke`, {
      reason: '经营场所已变更',
    });
    expect(done).toMatchObject({ status: 'revoked', revokeReason: '经营场所已变更' });
    const again = await d.call('reviewer-health', 'POST', `/certificates/${revoked.id}/revoke`, {
      reason: '再次',
    });
    expect(again.statusCode).toBe(409);
    const v = await d.ok('zhangsan', 'GET', `/certificates/verify?c=${revoked.compact}`);
    expect(v).toMatchObject({ outcome: 'revoked', revokeReason: '经营场所已变更' });
    expect(v.revokedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Anyone may verify, signed in or not.
    const anon = await t.as(null, 'GET', `/api/v1/certificates/verify?c=${revoked.compact}`);
    expect(anon.json().outcome).toBe('revoked');
  });

  it('calls an altered or unknown QR forged, never valid', async () => {
    const mine = await certificatesOf('xixi-flavour');
    const good = mine.find((c) => c.status === 'valid')!;
    const [p, body, sig] = good.compact.split('.');
    const flip = (s: string, i: number) =>
      s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    for (const text of [
      `${p}.${flip(body, 10)}.${sig}`,
      `${p}.${body}.${flip(sig, 5)}`,
      `${p}.${body}`,
      'hello',
    ]) {
      const v = await d.ok('zhangsan', 'GET', `/certificates/verify?c=${encodeURIComponent(text)}`);
      expect(v.outcome, text).toBe('forged');
    }
    const ok = await d.ok('zhangsan', 'GET', `/certificates/verify?c=${good.compact}`);
    expect(ok.outcome).toBe('valid');
  });

  it('shares a valid certificate through a time-limited link; not a revoked one', async () => {
    const mine = await certificatesOf('xixi-flavour');
    const good = mine.find((c) => c.status === 'valid')!;
    const share = await d.ok('xixi-flavour', 'POST', `/certificates/${good.id}/shares`, {
      hours: 2,
    });
    const seen = await t.as(null, 'GET', `/api/v1/certificates/shared/${share.token}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().certificate.number).toBe(good.number);
    // The token is in that answer only: the idempotency store keeps no copy to replay.
    const kept = await t.database.handle.db
      .selectFrom('idempotency_key')
      .select('response')
      .execute();
    expect(kept.length).toBeGreaterThan(0);
    expect(JSON.stringify(kept)).not.toContain(share.token);
    const refused = await d.call('xixi-flavour', 'POST', `/certificates/${revoked.id}/shares`, {
      hours: 2,
    });
    expect(refused.statusCode).toBe(409);
    await t.database.handle.db
      .updateTable('certificate_share')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const late = await t.as(null, 'GET', `/api/v1/certificates/shared/${share.token}`);
    expect(late.statusCode).toBe(410);
  });

  it('keeps another holder out of a certificate', async () => {
    const res = await d.call('zhangsan', 'GET', `/certificates/${revoked.id}`);
    expect(res.statusCode).toBe(403);
  });
});

describe('a certificate too long for a QR code', () => {
  const scope = '餐饮服务；食品销售；预包装食品批发；'.repeat(40);
  let licence: Json;

  beforeAll(async () => {
    const db = t.database.handle.db;
    const enterpriseId = (await listEnterprises(db, { name: '西溪味道', limit: 1, offset: 0 }))
      .data[0]!.id;
    const made = await db.transaction().execute((trx) =>
      issueCertificate(trx, t.app.services.certificateKeys, SYSTEM_ACTOR, {
        type: 'business-licence',
        holder: { enterpriseId },
        department: 'market-regulation',
        issuedOn: '2026-03-02',
        formData: { 'enterprise.business_scope': scope, 'enterprise.type': '有限责任公司' },
      }),
    );
    licence = (await certificatesOf('xixi-flavour')).find((c) => c.id === made.id)!;
  });

  it('still prints as a PDF, its QR code carrying a reference the verify page resolves', async () => {
    expect(licence.compact.length).toBeGreaterThan(2331);
    const pdf = await d.call('xixi-flavour', 'GET', `/certificates/${licence.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');

    const reference = qrContent(licence.compact);
    expect(reference.length).toBeLessThan(100);
    const anon = await t.as(null, 'GET', `/api/v1/certificates/verify?c=${reference}`);
    expect(anon.json()).toMatchObject({ outcome: 'valid', certificate: { id: licence.number } });
    expect(anon.json().certificate.fields.businessScope).toBe(scope);

    const [prefix, number, digest] = reference.split('.');
    const altered = `${prefix}.${number}.${digest!.slice(0, -2)}AA`;
    const forged = await t.as(null, 'GET', `/api/v1/certificates/verify?c=${altered}`);
    expect(forged.json()).toMatchObject({ outcome: 'forged', reason: 'not_registered' });
  });
});

describe('shared data sets', () => {
  it('attaches a household record to a citizen’s application and logs the query with its purpose', async () => {
    const draft = await d.ok('zhangsan', 'POST', '/cases', {
      subject: { kind: 'bundle', key: 'birth' },
    });
    const sources = await d.ok('zhangsan', 'GET', '/data-sources');
    expect(sources.map((s: Json) => s.key)).toContain('hukou');
    const fromData = draft.materials.filter((m: Json) => m.attachedFrom === 'dataset');
    expect(fromData.length).toBeGreaterThan(0);
    const log = await t.database.handle.db
      .selectFrom('data_query')
      .selectAll()
      .where('case_id', '=', draft.id)
      .execute();
    expect(log.length).toBeGreaterThan(0);
    expect(log[0]!.purpose).toContain('：');
  });
});
