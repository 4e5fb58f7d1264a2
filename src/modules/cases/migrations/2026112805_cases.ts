import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('process_definition')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await sql`create sequence case_number_seq`.execute(db);
  await db.schema
    .createTable('cases')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('number', 'text', (c) => c.unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('definition_id', 'uuid', (c) => c.notNull().references('process_definition.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('applicant_account_id', 'uuid')
    .addColumn('applicant_person_id', 'uuid')
    .addColumn('applicant_enterprise_id', 'uuid')
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_street_code', 'text')
    .addColumn('requester_unit', 'text')
    .addColumn('target_unit', 'text')
    .addColumn('intake_unit', 'text')
    .addColumn('parent_case_id', 'uuid', (c) => c.references('cases.id'))
    .addColumn('form_data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('materials', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('accepted_on', 'date')
    .addColumn('promised_due', 'date')
    .addColumn('statutory_due', 'date')
    .addColumn('due_provisional', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sla', 'text')
    .addColumn('paused_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paused_since', 'date')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('delivery', 'jsonb')
    .addColumn('correction', 'jsonb')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('cases_applicant_idx')
    .on('cases')
    .columns(['applicant_account_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('cases_state_idx')
    .on('cases')
    .columns(['state', 'created_at'])
    .execute();
  await db.schema.createIndex('cases_parent_idx').on('cases').column('parent_case_id').execute();

  await db.schema
    .createTable('task')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text')
    .addColumn('owner_unit', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('paused_by', 'text')
    .addColumn('assignee_id', 'uuid')
    .addColumn('opened_on', 'date')
    .addColumn('limit_days', 'integer')
    .addColumn('due', 'date')
    .addColumn('due_provisional', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sla', 'text')
    .addColumn('paused_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paused_since', 'date')
    .addColumn('special_procedure', 'text')
    .addColumn('decision', 'text')
    .addColumn('comment', 'text')
    .addColumn('decided_by', 'uuid')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('task_case_step_uq', ['case_id', 'step_key'])
    .execute();
  // A workbench queue: open tasks of a unit and role, soonest deadline first.
  await sql`create index task_queue_idx on task (owner_unit, role, due) where state in ('open', 'paused')`.execute(
    db,
  );
  await sql`create index task_sla_idx on task (due) where state = 'open'`.execute(db);

  await db.schema
    .createTable('case_event')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('task_id', 'uuid')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema
    .createIndex('case_event_case_idx')
    .on('case_event')
    .columns(['case_id', 'id'])
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('processed_at', 'timestamptz')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`create index outbox_pending_idx on outbox (id) where processed_at is null`.execute(db);

  await db.schema
    .createTable('trip')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('service_point', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text')
    .addColumn('recorded_by', 'uuid')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('trip_case_idx').on('trip').column('case_id').execute();

  await db.schema
    .createTable('rating')
    .addColumn('case_id', 'uuid', (c) => c.primaryKey().references('cases.id'))
    .addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 1 and 5`))
    .addColumn('text', 'text')
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('responsible_unit', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('rated_by', 'uuid')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('follow_up_text', 'text')
    .addColumn('follow_up_at', 'timestamptz')
    .addColumn('follow_up_case_id', 'uuid')
    .execute();
  await db.schema
    .createIndex('rating_unit_idx')
    .on('rating')
    .columns(['responsible_unit', 'score'])
    .execute();

  await db.schema
    .createTable('notification')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('account_id', 'uuid', (c) => c.notNull())
    .addColumn('case_id', 'uuid')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('notification_account_idx')
    .on('notification')
    .columns(['account_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'notification',
    'rating',
    'trip',
    'outbox',
    'case_event',
    'task',
    'cases',
    'process_definition',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`drop sequence if exists case_number_seq`.execute(db);
}
