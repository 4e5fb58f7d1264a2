import { Checkbox } from 'antd';
import { requirementLabel, useLocalName } from '../../../catalogue/labels';
import type { CaseMaterial } from '../../../cases/model';
import { useT } from '../../../i18n';
import { materialId } from './problems';
import type { Material, Need } from './schema';
import { UploadPicker } from './UploadPicker';
import styles from './portal-cases.module.css';

export interface PaperMaterialsProps {
  materials: Material[];
  needOf: (m: Material) => Need;
  /** What the case holds now: a certificate or shared data already attached says so. */
  given: CaseMaterial[];
  paper: Set<string>;
  onPaper: (key: string, on: boolean) => void;
  /** The scan uploaded at the window for each material, if any. */
  scanOf: (key: string) => string | null;
  onScan: (key: string, reference: string | null) => void;
  problems: Map<string, string>;
}

/**
 * The counter's material list: the clerk scans what the applicant hands over (kept as a file,
 * read by the departments like an online upload) or ticks a paper original kept in the folder.
 */
export function PaperMaterials({
  materials,
  needOf,
  given,
  paper,
  onPaper,
  scanOf,
  onScan,
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
          const held = given.find(
            (g) => g.key === m.key && (g.source === 'certificate' || g.source === 'shared_data'),
          );
          const scan = scanOf(m.key);
          const free = m.source.kind !== 'upload';
          return (
            <li
              key={m.key}
              className={styles.material}
              data-material={m.key}
              data-invalid={problem ? 'true' : undefined}
            >
              <span className={styles.materialName} id={`${id}-name`}>
                {name(m)}
              </span>
              <span className={styles.requirement} data-requirement={m.requirement}>
                {requirementLabel(t, m.requirement)}
              </span>
              {(held || free) && !paper.has(m.key) && !scan && (
                <span className={styles.free}>
                  {held ? t('counter.paper.held') : t('counter.paper.fromSource')}
                </span>
              )}
              <UploadPicker
                id={`${id}-scan`}
                name={name(m)}
                nameId={`${id}-name`}
                describedBy={problem ? `${id}-error` : ''}
                invalid={Boolean(problem)}
                given={paper.has(m.key) ? null : scan}
                onGiven={(reference) => onScan(m.key, reference)}
                pickLabel="counter.paper.scan"
              />
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
