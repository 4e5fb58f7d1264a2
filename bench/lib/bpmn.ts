import { Engine } from 'bpmn-engine';
import pg from 'pg';

/**
 * The same process as a derived OneTrip definition for the P1 bundle: intake, three parallel
 * reviews (parallel gateway fork and join), delivery — five user tasks.
 */
export const APPLICATION_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="service-application" targetNamespace="http://onetrip.invalid/bench">
  <process id="application" isExecutable="true">
    <startEvent id="start" />
    <userTask id="intake" />
    <parallelGateway id="fork" />
    <userTask id="review1" />
    <userTask id="review2" />
    <userTask id="review3" />
    <parallelGateway id="join" />
    <userTask id="delivery" />
    <endEvent id="end" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="intake" />
    <sequenceFlow id="f2" sourceRef="intake" targetRef="fork" />
    <sequenceFlow id="f3" sourceRef="fork" targetRef="review1" />
    <sequenceFlow id="f4" sourceRef="fork" targetRef="review2" />
    <sequenceFlow id="f5" sourceRef="fork" targetRef="review3" />
    <sequenceFlow id="f6" sourceRef="review1" targetRef="join" />
    <sequenceFlow id="f7" sourceRef="review2" targetRef="join" />
    <sequenceFlow id="f8" sourceRef="review3" targetRef="join" />
    <sequenceFlow id="f9" sourceRef="join" targetRef="delivery" />
    <sequenceFlow id="f10" sourceRef="delivery" targetRef="end" />
  </process>
</definitions>`;

const USER_TASKS = new Set(['intake', 'review1', 'review2', 'review3', 'delivery']);

/** The user tasks an execution waits on now (joins and flows in progress are not tasks). */
function waitingTasks(execution: { getPostponed(): { id: string }[] }): string[] {
  return execution
    .getPostponed()
    .map((a) => a.id)
    .filter((id) => USER_TASKS.has(id));
}

export async function createBpmnTable(pool: pg.Pool): Promise<void> {
  await pool.query(`create table if not exists bpmn_instance (
    id bigserial primary key,
    state jsonb not null,
    waiting text[] not null,
    updated_at timestamptz not null default now()
  )`);
}

/** Starts an instance the way bpmn-engine's users persist one: run to the first wait, save. */
async function start(pool: pg.Pool): Promise<{ id: string; waiting: string[] }> {
  const engine = new Engine({ name: 'application', source: APPLICATION_BPMN });
  const execution = await engine.execute();
  const waiting = waitingTasks(execution);
  const state = await engine.getState();
  await engine.stop();
  const { rows } = await pool.query<{ id: string }>(
    'insert into bpmn_instance (state, waiting) values ($1, $2) returning id',
    [JSON.stringify(state), waiting],
  );
  return { id: rows[0]!.id, waiting };
}

/** One task completion: lock the row, recover, resume, signal, save the new state, commit. */
async function complete(pool: pg.Pool, id: string, task: string): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query<{ state: unknown }>(
      'select state from bpmn_instance where id = $1 for update',
      [id],
    );
    const engine = new Engine({ name: 'application' }).recover(rows[0]!.state);
    const execution = await engine.resume();
    if (!waitingTasks(execution).includes(task)) throw new Error(`${task} is not waiting in ${id}`);
    execution.signal({ id: task });
    const waiting = waitingTasks(execution);
    const state = await engine.getState();
    if (execution.state === 'running') await engine.stop();
    await client.query(
      'update bpmn_instance set state = $2, waiting = $3, updated_at = now() where id = $1',
      [id, JSON.stringify(state), waiting],
    );
    await client.query('commit');
    return waiting;
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** One application: start, then complete whatever waits until nothing does (five tasks). */
export async function runBpmnApplication(
  pool: pg.Pool,
  hooks: { before?: () => boolean; after?: () => void } = {},
): Promise<boolean> {
  if (hooks.before && !hooks.before()) return false;
  const instance = await start(pool);
  let waiting = instance.waiting;
  let done = 0;
  while (waiting.length) {
    if (hooks.before && !hooks.before()) return false;
    waiting = await complete(pool, instance.id, waiting[0]!);
    done++;
    hooks.after?.();
  }
  if (done !== 5) throw new Error(`bpmn instance ${instance.id} completed ${done} tasks, not 5`);
  return true;
}

export async function bpmnLoad(pool: pg.Pool, workers: number, seconds: number) {
  let tasks = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  const before = () => performance.now() < deadline;
  const worker = async () => {
    while (before()) await runBpmnApplication(pool, { before, after: () => tasks++ });
  };
  await Promise.all(Array.from({ length: workers }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    tasks,
    seconds: elapsed,
    tasksPerSecond: tasks / elapsed,
    nodeCpu: (cpu.user + cpu.system) / 1e6 / elapsed,
  };
}
