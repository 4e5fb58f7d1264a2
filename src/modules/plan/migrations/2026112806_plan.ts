import { sql, type Kysely } from 'kysely';

// Numbers are `numeric`: figures like 96.6 万m² and 0.5 亩 must come back exactly as written.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan_node')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('plan_key', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'uuid', (c) => c.references('plan_node.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('plan','campaign','focus','group')`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('roll_up', 'text', (c) => c.notNull().check(sql`roll_up in ('weighted','average')`))
    .addColumn('weight', 'numeric', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`weight > 0`),
    )
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addCheckConstraint('plan_node_root_check', sql`(parent_id is null) = (kind = 'plan')`)
    .addCheckConstraint('plan_node_period_check', sql`period_start <= period_end`)
    .execute();
  await db.schema.createIndex('plan_node_parent_idx').on('plan_node').column('parent_id').execute();
  await db.schema.createIndex('plan_node_plan_idx').on('plan_node').column('plan_key').execute();

  await db.schema
    .createTable('plan_target')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('node_id', 'uuid', (c) => c.notNull().references('plan_node.id'))
    .addColumn('plan_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('unit_en', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) =>
      c.notNull().check(sql`direction in ('increase','decrease')`),
    )
    .addColumn('baseline', 'numeric', (c) => c.notNull())
    .addColumn('target_value', 'numeric', (c) => c.notNull())
    .addColumn('weight', 'numeric', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`weight > 0`),
    )
    .addColumn('owner_unit', 'text', (c) => c.notNull())
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'plan_target_reachable_check',
      sql`(direction = 'increase' and target_value >= baseline) or (direction = 'decrease' and target_value <= baseline)`,
    )
    .addCheckConstraint('plan_target_period_check', sql`period_start <= period_end`)
    .execute();
  await db.schema.createIndex('plan_target_node_idx').on('plan_target').column('node_id').execute();
  await db.schema
    .createIndex('plan_target_owner_idx')
    .on('plan_target')
    .column('owner_unit')
    .execute();

  await db.schema
    .createTable('plan_report')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('target_id', 'uuid', (c) => c.notNull().references('plan_target.id'))
    .addColumn('value', 'numeric', (c) => c.notNull())
    .addColumn('reported_on', 'date', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('evidence_url', 'text')
    .addColumn('reported_by_account', 'uuid')
    .addColumn('reported_by', 'text', (c) => c.notNull())
    .addColumn('reported_by_unit', 'text')
    .addColumn('via', 'text', (c) => c.notNull().check(sql`via in ('api','import','seed')`))
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('division_code', 'text', (c) => c.notNull())
    .execute();
  // The latest report of a target is the first row of this index.
  await db.schema
    .createIndex('plan_report_latest_idx')
    .on('plan_report')
    .columns(['target_id', 'reported_on desc', 'created_at desc'])
    .execute();

  await db.schema
    .createTable('plan_project')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('programmes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('area', 'text', (c) => c.notNull().check(sql`area in ('north','middle','south')`))
    .addColumn('platform', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('owner_unit', 'text', (c) => c.notNull())
    .addColumn('total_investment', 'numeric', (c) => c.check(sql`total_investment >= 0`))
    .addColumn('annual_investment_plan', 'numeric', (c) =>
      c.check(sql`annual_investment_plan >= 0`),
    )
    .addColumn('annual_investment_done', 'numeric', (c) =>
      c.check(sql`annual_investment_done >= 0`),
    )
    .addColumn('land_area', 'numeric', (c) => c.check(sql`land_area >= 0`))
    .addColumn('floor_area', 'numeric', (c) => c.check(sql`floor_area >= 0`))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('preparing','under-construction','completed','in-use')`),
    )
    .addColumn('description', 'text')
    .addColumn('source', 'text')
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text')
    .addColumn('division_code', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['area', 'status', 'platform', 'owner_unit']) {
    await db.schema
      .createIndex(`plan_project_${column}_idx`)
      .on('plan_project')
      .column(column)
      .execute();
  }

  await db.schema
    .createTable('plan_milestone')
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('plan_project.id'))
    .addColumn('key', 'text', (c) =>
      c
        .notNull()
        .check(sql`key in ('planning','groundbreaking','topping-out','completion','in-use')`),
    )
    .addColumn('planned_on', 'date')
    .addColumn('actual_on', 'date')
    .addColumn('note', 'text')
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('plan_milestone_pk', ['project_id', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['plan_milestone', 'plan_project', 'plan_report', 'plan_target', 'plan_node'])
    await db.schema.dropTable(t).ifExists().execute();
}
