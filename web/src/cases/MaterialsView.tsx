import { Alert } from 'antd';
import { useLocalName } from '../catalogue/labels';
import { MaterialReference } from '../files/UploadedFileName';
import { useT } from '../i18n';
import { materialSourceLabel } from './labels';
import type { CaseMaterial } from './model';
import { useSubject } from './useSubject';

export interface MaterialsViewProps {
  /** The case's subject: 'bundle:<key>' or 'item:<key>'. */
  subject: string;
  materials: CaseMaterial[];
  caption?: string;
}

/**
 * The materials handed in, with where each came from (upload, certificate, shared data, paper),
 * and any the catalogue requires without condition that the case does not have.
 */
export function MaterialsView({ subject, materials, caption }: MaterialsViewProps) {
  const t = useT();
  const name = useLocalName();
  const schema = useSubject(subject);
  const catalogue = schema.status === 'ready' ? schema.data.materials : [];
  const byKey = new Map(catalogue.map((m) => [m.key, m]));
  const given = new Set(materials.map((m) => m.key));
  const missing = catalogue.filter(
    (m) => m.requirement === 'required' && !m.condition && !m.producedBy && !given.has(m.key),
  );

  return (
    <div className="ot-table-wrap">
      {schema.status === 'error' && <Alert type="error" showIcon title={schema.error.message} />}
      <table className="ot-table" data-testid="case-materials">
        <caption>{caption ?? t('case.materials.caption', { n: materials.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('case.materials.name')}</th>
            <th scope="col">{t('case.materials.source')}</th>
            <th scope="col">{t('case.materials.reference')}</th>
          </tr>
        </thead>
        <tbody>
          {materials.map((m) => {
            const known = byKey.get(m.key);
            return (
              <tr key={m.key} data-material={m.key}>
                <th scope="row">{known ? name(known) : m.name}</th>
                <td className="ot-nowrap">{materialSourceLabel(t, m.source)}</td>
                <td>
                  <MaterialReference reference={m.reference} />
                </td>
              </tr>
            );
          })}
          {missing.map((m) => (
            <tr key={m.key} data-material={m.key} data-missing="true">
              <th scope="row">{name(m)}</th>
              <td colSpan={2}>
                <strong style={{ color: '#a8071a' }}>{t('case.materials.missing')}</strong>
              </td>
            </tr>
          ))}
          {!materials.length && !missing.length && (
            <tr>
              <td colSpan={3}>{t('case.materials.none')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
