import { expect } from 'vitest';
import type { Session, TestApp } from './test-app.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API answers, checked by the assertions
export type Json = Record<string, any>;
type Method = 'GET' | 'POST' | 'PATCH';

/** Drives cases over HTTP as the demo accounts do: every write with its own Idempotency-Key. */
export function caseDriver(t: TestApp) {
  const sessions: Record<string, Session> = {};
  let keys = 0;
  const session = async (user: string) => (sessions[user] ??= await t.login(user));

  async function call(user: string, method: Method, url: string, body?: unknown) {
    const headers: Record<string, string> =
      method === 'GET' ? {} : { 'idempotency-key': `k-${++keys}-${Date.now()}` };
    return t.as(await session(user), method, `/api/v1${url}`, body, headers);
  }

  async function ok(user: string, method: Method, url: string, body?: unknown): Promise<Json> {
    const res = await call(user, method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 500)}`).toBeLessThan(300);
    return res.json() as Json;
  }

  /** Everything the bundle asks for, with values of the right type. */
  async function completeApplication(bundle: string, extra: Json = {}) {
    const compiled = await ok('admin', 'GET', `/bundles/${bundle}/compiled`);
    const formData: Json = {};
    for (const [key, p] of Object.entries<Json>(compiled.form.properties)) {
      formData[key] = p.enum
        ? p.enum[0]
        : p.type === 'boolean'
          ? false
          : p.type === 'number' || p.type === 'integer'
            ? 20
            : `测试${key}`;
    }
    const materials = compiled.materials
      .filter((m: Json) => !m.producedBy)
      .map((m: Json) => ({
        key: m.key,
        name: m.name,
        source: 'upload',
        reference: `${m.key}.pdf`,
      }));
    return { formData: { ...formData, ...extra }, materials };
  }

  /** A complete application, saved and submitted: waiting at intake. */
  async function newCase(user: string, bundle: string, extra: Json = {}) {
    const draft = await ok(user, 'POST', '/cases', { subject: { kind: 'bundle', key: bundle } });
    const { formData, materials } = await completeApplication(bundle, extra);
    const saved = await ok(user, 'PATCH', `/cases/${draft.id}`, {
      version: draft.version,
      formData,
      materials,
    });
    return ok(user, 'POST', `/cases/${draft.id}/submit`, { version: saved.version });
  }

  const task = (c: Json, step: string) => c.tasks.find((x: Json) => x.stepKey === step);
  const openSteps = (c: Json): string[] =>
    c.tasks.filter((x: Json) => x.state === 'open').map((x: Json) => x.stepKey);

  async function actOn(user: string, c: Json, step: string, action: string, body: Json = {}) {
    const tk = task(c, step);
    return ok(user, 'POST', `/cases/${c.id}/actions`, {
      taskId: tk.id,
      version: tk.version,
      action,
      ...body,
    });
  }

  return { session, call, ok, newCase, task, openSteps, actOn };
}
