import { Due } from '../../../cases/CaseFacts';
import { decisionLabel, taskStateLabel } from '../../../cases/labels';
import type { TaskView } from '../../../cases/model';
import { SlaTag } from '../../../cases/SlaTag';
import { useStepUnit } from '../../../cases/Timeline';
import { useT } from '../../../i18n';
import styles from './portal-cases.module.css';
import { useLocalText } from '../../../cases/useLocalText';

/**
 * The steps of a case for a narrow screen, where the six-column table would break every word:
 * each step a short block with who has it, where it stands and its deadline.
 */
export function StepList({ tasks }: { tasks: TaskView[] }) {
  const t = useT();
  const text = useLocalText();
  const unitOf = useStepUnit();
  return (
    <section aria-labelledby="case-steps-title" data-testid="case-steps">
      <h4 id="case-steps-title" className={styles.stepsTitle}>
        {t('case.steps.caption')}
      </h4>
      <ol className={styles.steps}>
        {tasks.map((task) => {
          const live = task.state === 'open' || task.state === 'paused';
          return (
            <li key={task.id} data-step={task.stepKey} data-state={task.state}>
              <strong>{text.stepName(task)}</strong>
              <span>
                {unitOf(task)} ·{' '}
                {task.decision ? decisionLabel(t, task.decision) : taskStateLabel(t, task.state)}
              </span>
              {task.due && (
                <span>
                  {t('case.steps.due')}
                  {t('guide.colon')}
                  <Due date={task.due} provisional={task.dueProvisional} />{' '}
                  {live && <SlaTag sla={task.sla} paused={task.state === 'paused'} />}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
