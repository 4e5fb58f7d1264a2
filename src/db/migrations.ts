import {
  Migrator,
  sql,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';
import * as audit from '../modules/audit/migrations/2026112800_audit.ts';
import * as cases from '../modules/cases/migrations/2026112805_cases.ts';
import * as caseRollups from '../modules/cases/migrations/2026112807_case_rollups.ts';
import * as casesListIndex from '../modules/cases/migrations/2026112809_cases_list_index.ts';
import * as casesDeliveryChoice from '../modules/cases/migrations/2026112914_cases_delivery_choice.ts';
import * as casesEnglishTexts from '../modules/cases/migrations/2026112915_english_texts.ts';
import * as caseRollupShards from '../modules/cases/migrations/2026112916_case_rollup_shards.ts';
import * as caseRollupSummary from '../modules/cases/migrations/2026112917_case_rollup_summary.ts';
import * as caseRollupOneStatement from '../modules/cases/migrations/2026113020_case_rollup_one_statement.ts';
import * as caseRecordExpect from '../modules/cases/migrations/2026113021_case_record_expect.ts';
import * as casesRedCovering from '../modules/cases/migrations/2026112918_cases_red_covering.ts';
import * as casesSubjectIndex from '../modules/cases/migrations/2026112813_cases_subject_index.ts';
import * as catalogue from '../modules/catalogue/migrations/2026112804_catalogue.ts';
import * as catalogueGeneration from '../modules/catalogue/migrations/2026113019_catalogue_generation.ts';
import * as certificates from '../modules/certificates/migrations/2026112808_certificates.ts';
import * as calendar from '../modules/calendar/migrations/2026112802_calendar.ts';
import * as files from '../modules/files/migrations/2026112812_files.ts';
import * as identity from '../modules/identity/migrations/2026112801_identity.ts';
import * as sessionIdle from '../modules/identity/migrations/2026112811_session_idle.ts';
import * as kiosk from '../modules/kiosk/migrations/2026112810_kiosk.ts';
import * as plan from '../modules/plan/migrations/2026112806_plan.ts';
import * as idempotency from '../server/idempotency/2026112803_idempotency.ts';

/**
 * Each module keeps its migrations in its own folder; their names start with a version
 * (yyyymmddnn) so that Kysely runs them in one global order across modules.
 */
const ALL: Record<string, Migration> = {
  '2026112800_audit': audit,
  '2026112801_identity': identity,
  '2026112802_calendar': calendar,
  '2026112803_idempotency': idempotency,
  '2026112804_catalogue': catalogue,
  '2026112805_cases': cases,
  '2026112806_plan': plan,
  '2026112807_case_rollups': caseRollups,
  '2026112808_certificates': certificates,
  '2026112809_cases_list_index': casesListIndex,
  '2026112810_kiosk': kiosk,
  '2026112811_session_idle': sessionIdle,
  '2026112812_files': files,
  '2026112813_cases_subject_index': casesSubjectIndex,
  '2026112914_cases_delivery_choice': casesDeliveryChoice,
  '2026112915_english_texts': casesEnglishTexts,
  '2026112916_case_rollup_shards': caseRollupShards,
  '2026112917_case_rollup_summary': caseRollupSummary,
  '2026112918_cases_red_covering': casesRedCovering,
  '2026113019_catalogue_generation': catalogueGeneration,
  '2026113020_case_rollup_one_statement': caseRollupOneStatement,
  '2026113021_case_record_expect': caseRecordExpect,
};

const provider: MigrationProvider = { getMigrations: async () => ALL };

export function migrator(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider,
    migrationTableName: 'onetrip_migration',
    migrationLockTableName: 'onetrip_migration_lock',
  });
}

export async function migrateToLatest(
  db: Kysely<any>,
  onStep?: (name: string) => void,
): Promise<MigrationResultSet> {
  // Extensions first: migrations may create trigram indexes.
  await sql`create extension if not exists pg_trgm`.execute(db);
  const result = await migrator(db).migrateToLatest();
  for (const r of result.results ?? []) onStep?.(`${r.migrationName}: ${r.status}`);
  if (result.error) throw result.error;
  return result;
}
