import { Checkbox } from 'antd';
import { requirementLabel, useLocalName } from '../../../catalogue/labels';
import type { CaseMaterial } from '../../../cases/model';
import { useT } from '../../../i18n';
import { materialId } from './problems';
import type { Material, Need } from './schema';
import styles from './portal-cases.module.css';

export interface PaperMaterialsProps {
  materials: Material[];
  needOf: (m: Material) => Need;
  /** What the case holds now: a certificate or shared data already attached says so. */
  given: CaseMaterial[];
  paper: Set<string>;
  onPaper: (key: string, on: boolean) => void;
  problems: Map<string, string>;
}

/**
 * The counter's material list: the clerk ticks each document the applicant handed over on paper
 * (or that was scanned at the window). No file is asked for; the paper stays in the case folder.
 */
export function PaperMaterials({
  materials,
  needOf,
  given,
  paper,
  onPaper,
  problems,
}: PaperMaterialsProps) {
  const t = useT();
  const name = useLocalName();
  const shown = materials.filter((m) => !m.producedBy && needOf(m) !== 'notNeeded');
  return (
    <section className={styles.section} aria-labelledby="materials-title">
      <h3 id="materials-title">{t('counter.paper.title')}</h3>
      <p className="ot-note">{t('counter.paper.intro')}</p>
      <ul className={styles.materials} data-testid="paper-materials">
        {shown.map((m) => {
          const id = materialId(m.key);
          const problem = problems.get(`material:${m.key}`);
          const held = given.find((g) => g.key === m.key && g.source !== 'paper');
          const free = m.source.kind !== 'upload';
          return (
            <li
              key={m.key}
              className={styles.material}
              data-material={m.key}
              data-invalid={problem ? 'true' : undefined}
            >
              <span className={styles.materialName}>{name(m)}</span>
              <span className={styles.requirement} data-requirement={m.requirement}>
                {requirementLabel(t, m.requirement)}
              </span>
              {(held || free) && !paper.has(m.key) && (
                <span className={styles.free}>
                  {held ? t('counter.paper.held') : t('counter.paper.fromSource')}
                </span>
              )}
              <div>
                <Checkbox
                  id={id}
                  checked={paper.has(m.key)}
                  onChange={(e) => onPaper(m.key, e.target.checked)}
                  aria-describedby={problem ? `${id}-error` : undefined}
                >
                  {t('counter.paper.received')}
                </Checkbox>
              </div>
              {problem && (
                <span className={styles.error} id={`${id}-error`}>
                  {problem}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
