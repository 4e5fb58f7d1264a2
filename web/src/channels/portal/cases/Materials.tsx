import { Radio } from 'antd';
import { requirementLabel, useLocalName } from '../../../catalogue/labels';
import { useT } from '../../../i18n';
import { materialId } from './problems';
import type { Material, Need, Part } from './schema';
import { UploadPicker } from './UploadPicker';
import styles from './portal-cases.module.css';

/**
 * How the applicant hands a material in: a file, or the certificate/data. A file's reference is
 * the id of its upload; a draft saved before uploads existed may hold a file name instead.
 */
export type Choice = { mode: 'upload'; reference: string | null } | { mode: 'source' };

/** The file given for a material (an upload's id, or an older draft's file name), if any. */
export const fileOf = (choice: Choice | undefined) =>
  choice?.mode === 'upload' ? choice.reference : null;

export interface MaterialsProps {
  materials: Material[];
  parts: Part[];
  needOf: (m: Material) => Need;
  choices: Map<string, Choice>;
  onChoice: (key: string, choice: Choice) => void;
  /** Problems from the last submission, keyed 'material:<key>'. */
  problems: Map<string, string>;
  /** What a correction asks of a material, keyed 'material:<key>'. */
  asked: Map<string, string>;
}

/** The materials of the application, each with what it takes and how to hand it in. */
export function Materials({
  materials,
  parts,
  needOf,
  choices,
  onChoice,
  problems,
  asked,
}: MaterialsProps) {
  const t = useT();
  const name = useLocalName();
  const partName = (key: string) => {
    const part = parts.find((p) => p.key === key);
    return part ? name(part) : key;
  };
  const needs = new Map(materials.map((m) => [m.key, needOf(m)]));
  // What the answers so far make unnecessary is folded away, unless something is said about it.
  const folded = (m: Material) =>
    needs.get(m.key) === 'notNeeded' &&
    !problems.has(`material:${m.key}`) &&
    !asked.has(`material:${m.key}`) &&
    !fileOf(choices.get(m.key));
  const now = materials.filter((m) => !folded(m));
  const later = materials.filter(folded);
  const row = (m: Material) => (
    <MaterialRow
      key={m.key}
      material={m}
      need={needs.get(m.key)!}
      partName={partName}
      choice={choices.get(m.key) ?? { mode: 'upload', reference: null }}
      onChoice={(c) => onChoice(m.key, c)}
      problem={problems.get(`material:${m.key}`)}
      asked={asked.get(`material:${m.key}`)}
    />
  );
  return (
    <section className={styles.section} aria-labelledby="materials-title">
      <h3 id="materials-title">{t('apply.materials.title')}</h3>
      <UploadNote />
      {materials.length === 0 && <p>{t('guide.materials.none')}</p>}
      {now.length > 0 && (
        <ul className={styles.materials} data-testid="apply-materials">
          {now.map(row)}
        </ul>
      )}
      {later.length > 0 && (
        <details className={styles.later} data-testid="apply-materials-later">
          <summary>{t('apply.materials.later', { n: later.length })}</summary>
          <ul className={styles.materials}>{later.map(row)}</ul>
        </details>
      )}
    </section>
  );
}

/** What a file may be, said before one is chosen. */
function UploadNote() {
  const t = useT();
  return (
    <p className="ot-note" data-testid="upload-note">
      {t('apply.materials.uploadNote')}
    </p>
  );
}

function MaterialRow({
  material: m,
  need,
  partName,
  choice,
  onChoice,
  problem,
  asked,
}: {
  material: Material;
  need: Need;
  partName: (key: string) => string;
  choice: Choice;
  onChoice: (choice: Choice) => void;
  problem: string | undefined;
  asked: string | undefined;
}) {
  const t = useT();
  const name = useLocalName()(m);
  const id = materialId(m.key);
  const nameId = `${id}-name`;
  const describedBy = [problem && `${id}-error`, asked && `${id}-asked`, `${id}-need`]
    .filter(Boolean)
    .join(' ');
  const free = m.source.kind !== 'upload';
  const fileId = free ? `${id}-file` : id;
  const condition = m.conditionText || m.condition;
  const onlyWhen = m.items
    .map((i) => partName(i))
    .filter(Boolean)
    .join(t('user.listSeparator'));

  const given = fileOf(choice);
  const picker = (
    <UploadPicker
      id={fileId}
      name={name}
      nameId={nameId}
      describedBy={describedBy}
      invalid={Boolean(problem)}
      given={given}
      onGiven={(reference) => onChoice({ mode: 'upload', reference })}
    />
  );

  return (
    <li
      className={styles.material}
      data-material={m.key}
      data-need={need}
      data-invalid={problem ? 'true' : undefined}
    >
      <span className={styles.materialName} id={nameId}>
        {name}
      </span>
      {m.producedBy ? (
        <span className={styles.requirement} data-requirement="free">
          {t('guide.materials.noUpload')}
        </span>
      ) : (
        <span className={styles.requirement} data-requirement={m.requirement}>
          {requirementLabel(t, m.requirement)}
        </span>
      )}
      <span className={styles.condition} id={`${id}-need`}>
        {m.requirement === 'conditional' && condition && (
          <>{t('guide.materials.when', { condition })} </>
        )}
        <NeedText need={need} requirement={m.requirement} parts={onlyWhen} />
      </span>

      {m.producedBy ? (
        <span className={styles.free} style={{ display: 'block' }}>
          {t('guide.materials.producedInBundle', { item: partName(m.producedBy) })}
        </span>
      ) : free ? (
        <>
          <Radio.Group
            id={id}
            style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}
            aria-label={t('apply.materials.how', { name })}
            aria-describedby={describedBy}
            value={choice.mode}
            onChange={(e) =>
              onChoice(
                e.target.value === 'source'
                  ? { mode: 'source' }
                  : { mode: 'upload', reference: null },
              )
            }
            options={[
              {
                value: 'source',
                label:
                  m.source.kind === 'certificate'
                    ? t('apply.materials.useCertificate')
                    : t('apply.materials.useSharedData'),
              },
              { value: 'upload', label: t('apply.materials.useFile') },
            ]}
          />
          {choice.mode === 'upload' && picker}
        </>
      ) : (
        picker
      )}
      {asked && (
        <span className={styles.asked} id={`${id}-asked`}>
          {t('apply.correction.asked')}
          {asked}
        </span>
      )}
      {problem && (
        <span className={styles.error} id={`${id}-error`}>
          {problem}
        </span>
      )}
    </li>
  );
}

function NeedText({
  need,
  requirement,
  parts,
}: {
  need: Need;
  requirement: string;
  parts: string;
}) {
  const t = useT();
  switch (need) {
    case 'required':
      return requirement === 'conditional' ? (
        <span className={styles.needNow}>{t('apply.materials.needNow')}</span>
      ) : null;
    case 'notNeeded':
      return requirement === 'conditional' ? (
        <span>{t('apply.materials.notNow')}</span>
      ) : (
        <span>{t('apply.materials.partSkipped', { parts })}</span>
      );
    default:
      return null;
  }
}
