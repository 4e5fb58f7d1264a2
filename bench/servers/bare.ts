// P2's baseline: a bare Fastify route that inserts one row through a pg pool, nothing else.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.BENCH_DB_URL, max: 10 });
await pool.query(
  `create table if not exists bare_submission (
     id bigserial primary key, key text, body jsonb not null, at timestamptz not null default now())`,
);
const app = Fastify({ logger: false });
app.post('/submit', async (request, reply) => {
  const key = request.headers['idempotency-key'];
  const { rows } = await pool.query<{ id: string }>(
    'insert into bare_submission (key, body) values ($1, $2) returning id',
    [typeof key === 'string' ? key : null, JSON.stringify(request.body)],
  );
  return reply.status(201).send({ id: rows[0]!.id });
});
app.get('/healthz', async () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.once('SIGTERM', () => {
  void app.close().then(() => pool.end().then(() => process.exit(0)));
});
