import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { notFound } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/index.ts';
import { attachedMaterialCounts, type MaterialSources } from '../cases/index.ts';
import {
  bundleDefinition,
  itemCatalogue,
  type ItemDef,
  type MaterialDef,
} from '../catalogue/index.ts';
import { attachable } from './rules/outcome.ts';
import { shanghaiToday } from './verify.service.ts';

/** The other departments' data sets that materials may come from (共享数据), as registered. */
export const DATA_SOURCES = [
  [
    'hukou',
    '户籍信息',
    'Household registration records',
    'public-security',
    'person',
    '公安分局人口信息系统：户主、户号、住址、与户主关系',
  ],
  [
    'social-insurance-record',
    '社会保险参保缴费记录',
    'Social insurance contributions',
    'human-resources-social-security',
    'person',
    '人社局：参保险种、缴费月数、当前参保单位',
  ],
  [
    'marriage-registration',
    '婚姻登记信息',
    'Marriage registration records',
    'civil-affairs',
    'person',
    '民政局婚姻登记系统：婚姻状况、登记日期、登记机关',
  ],
  [
    'education-record',
    '学历学位信息',
    'Education records',
    'education',
    'person',
    '教育部门学籍学历库',
  ],
  [
    'death-registration',
    '死亡登记信息',
    'Death registration',
    'health',
    'person',
    '卫健局死亡医学证明（推断）书',
  ],
  [
    'cremation-record',
    '火化信息',
    'Cremation records',
    'civil-affairs',
    'person',
    '殡仪馆火化记录',
  ],
  [
    'elderly-assessment',
    '老年人能力评估',
    'Older persons’ assessments',
    'civil-affairs',
    'person',
    '民政局老年人能力评估结果',
  ],
  [
    'retirement-approval',
    '退休审批信息',
    'Retirement approvals',
    'human-resources-social-security',
    'person',
    '人社局退休审批',
  ],
  [
    'housing-contract-filing',
    '商品房网签备案',
    'House sale contract filings',
    'housing-construction',
    'person',
    '住建局网签备案系统',
  ],
  [
    'tax-payment-record',
    '完税信息',
    'Tax payment records',
    'taxation',
    'person',
    '税务局完税（减免税）凭证',
  ],
  ['tax-clearance', '清税信息', 'Tax clearance', 'taxation', 'enterprise', '税务局清税证明'],
  [
    'investment-project',
    '投资项目赋码信息',
    'Investment project codes',
    'development-reform',
    'enterprise',
    '发改局投资项目在线审批监管平台',
  ],
] as const;

export type DataSourceKey = (typeof DATA_SOURCES)[number][0];

/**
 * Queries a data source about one person or enterprise, for a stated purpose. Every query is
 * logged (who, about whom, why, found or not) and audited, found or not.
 */
export async function queryDataSource(
  trx: Kysely<Database>,
  actor: Actor,
  q: {
    source: string;
    personId?: string | null;
    enterpriseId?: string | null;
    purpose: string;
    caseId?: string | null;
  },
): Promise<{ id: string; data: Record<string, unknown> } | null> {
  let query = trx
    .selectFrom('data_record')
    .select(['id', 'data'])
    .where('source_key', '=', q.source);
  query = q.enterpriseId
    ? query.where('enterprise_id', '=', q.enterpriseId)
    : query.where('person_id', '=', q.personId ?? null);
  const row = q.personId || q.enterpriseId ? await query.executeTakeFirst() : undefined;
  await trx
    .insertInto('data_query')
    .values({
      source_key: q.source,
      person_id: q.personId ?? null,
      enterprise_id: q.enterpriseId ?? null,
      purpose: q.purpose,
      case_id: q.caseId ?? null,
      actor_id: actor.kind === 'system' ? null : actor.accountId,
      actor_label: actor.username,
      found: Boolean(row),
    })
    .execute();
  await recordAudit(trx, actor, {
    action: 'dataset.query',
    targetType: q.enterpriseId ? 'enterprise' : 'person',
    targetId: (q.enterpriseId ?? q.personId)!,
    after: { source: q.source, purpose: q.purpose, found: Boolean(row) },
  });
  return row ? { id: row.id, data: row.data } : null;
}

/**
 * Zero-material: a certificate material is attached when the applicant holds a valid certificate
 * of that type (expired and revoked ones are not); a shared-data material when the data set
 * has a record of them. Each is marked with where it came from.
 */
export const zeroMaterialSources: MaterialSources = {
  async attach(trx, actor, request) {
    const { personId, enterpriseId } = request.applicant;
    if (!personId && !enterpriseId) return [];
    const out = [];
    const today = shanghaiToday();
    const certTypes = [
      ...new Set(
        request.materials.flatMap((m) =>
          m.source.kind === 'certificate' ? [m.source.certificateType] : [],
        ),
      ),
    ];
    const held = certTypes.length
      ? await trx
          .selectFrom('certificate')
          .select(['id', 'number', 'type', 'valid_from', 'valid_until', 'revoked_at'])
          .where('type', 'in', certTypes)
          .where((eb) =>
            enterpriseId
              ? eb('holder_enterprise_id', '=', enterpriseId)
              : eb('holder_person_id', '=', personId!),
          )
          .orderBy('issued_on', 'desc')
          .orderBy('number', 'desc')
          .execute()
      : [];
    for (const m of request.materials) {
      if (m.source.kind === 'certificate') {
        const type = m.source.certificateType;
        const cert = held.find(
          (c) =>
            c.type === type &&
            attachable({
              revokedAt: c.revoked_at ? c.revoked_at.toISOString() : null,
              validFrom: c.valid_from,
              validUntil: c.valid_until,
              today,
            }),
        );
        if (cert)
          out.push({
            key: m.key,
            name: m.name,
            source: 'certificate' as const,
            reference: cert.number,
            attachedFrom: 'certificate' as const,
          });
      } else if (m.source.kind === 'shared_data') {
        const rec = await queryDataSource(trx, actor, {
          source: m.source.dataset,
          personId,
          enterpriseId,
          purpose: `${request.title}：${m.name}`,
          caseId: request.caseId,
        });
        if (rec)
          out.push({
            key: m.key,
            name: m.name,
            source: 'shared_data' as const,
            reference: `${m.source.dataset}:${rec.id}`,
            attachedFrom: 'dataset' as const,
          });
      }
    }
    return out;
  },
};

export interface ZeroMaterialFacts {
  subject: string;
  materials: number;
  fromCertificates: number;
  fromDatasets: number;
  uploads: number;
  /** Share of materials the platform can attach by itself, 0–1. */
  rate: number;
  /** 一证通办: every material can be attached, so the resident ID alone completes it. */
  oneId: boolean;
  /** Submitted applications of this subject, and the uploads that attachment saved them. */
  applications: number;
  uploadsSaved: number;
  list: { key: string; name: string; source: MaterialDef['source']; requirement: string }[];
}

function materialsOf(items: ItemDef[], bundle: boolean): MaterialDef[] {
  const issued = new Set(
    items.flatMap((i) => (i.result.kind === 'certificate' ? [i.result.certificateType] : [])),
  );
  const out = new Map<string, MaterialDef>();
  for (const i of items)
    for (const m of i.materials) {
      if (bundle && m.source.kind === 'certificate' && issued.has(m.source.certificateType))
        continue;
      if (m.requirement === 'optional') continue;
      if (!out.has(m.key)) out.set(m.key, m);
    }
  return [...out.values()];
}

/** An item's or a bundle's zero-material rate, from the catalogue and from the applications. */
export async function zeroMaterialFacts(
  db: Kysely<Database>,
  kind: 'item' | 'bundle',
  key: string,
): Promise<ZeroMaterialFacts> {
  const catalogue = await itemCatalogue(db);
  if (kind === 'item' && !catalogue.has(key)) throw notFound(`item ${key}`);
  const items =
    kind === 'bundle'
      ? (await bundleDefinition(db, key)).items.map((r) => catalogue.get(r.item)!).filter(Boolean)
      : [catalogue.get(key)].filter((i): i is ItemDef => Boolean(i));
  const list = materialsOf(items, kind === 'bundle');
  const fromCertificates = list.filter((m) => m.source.kind === 'certificate').length;
  const fromDatasets = list.filter((m) => m.source.kind === 'shared_data').length;
  const subject = `${kind}:${key}`;
  const counts = await attachedMaterialCounts(db, subject);
  return {
    subject,
    materials: list.length,
    fromCertificates,
    fromDatasets,
    uploads: list.length - fromCertificates - fromDatasets,
    rate: list.length ? (fromCertificates + fromDatasets) / list.length : 1,
    oneId: list.every((m) => m.source.kind !== 'upload'),
    applications: counts.cases,
    uploadsSaved: counts.attached,
    list: list.map((m) => ({
      key: m.key,
      name: m.name,
      source: m.source,
      requirement: m.requirement,
    })),
  };
}

/**
 * The district's zero-material rate: of the required materials of every item in the catalogue,
 * the share the platform attaches by itself (a certificate or a shared data set). It is read
 * from the cached catalogue, so it costs the same however many cases there are. A caller that
 * has just checked the catalogue current passes it and saves the check.
 */
export async function catalogueZeroMaterial(db: Kysely<Database>, current?: Map<string, ItemDef>) {
  const catalogue = current ?? (await itemCatalogue(db));
  const known = zeroMaterialOf.get(catalogue);
  if (known) return known;
  let materials = 0;
  let attachable = 0;
  for (const item of catalogue.values())
    for (const m of materialsOf([item], false)) {
      materials += 1;
      if (m.source.kind !== 'upload') attachable += 1;
    }
  const rate = { materials, attachable, rate: materials ? attachable / materials : null };
  zeroMaterialOf.set(catalogue, rate);
  return rate;
}

/** The rate per catalogue version: the cache hands out the same map until the catalogue changes. */
const zeroMaterialOf = new WeakMap<
  Map<string, unknown>,
  { materials: number; attachable: number; rate: number | null }
>();

/** 一证通办: the items whose every required material the platform can attach by itself. */
export async function oneIdItems(db: Kysely<Database>) {
  const catalogue = await itemCatalogue(db);
  return [...catalogue.values()]
    .filter((i) => {
      const list = materialsOf([i], false);
      return list.every((m) => m.source.kind !== 'upload');
    })
    .map((i) => ({ key: i.key, name: i.name, nameEn: i.nameEn, department: i.department }));
}
