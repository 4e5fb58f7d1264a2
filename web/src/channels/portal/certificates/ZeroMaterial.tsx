import { Tag } from 'antd';
import { api } from '../../../api';
import { useLoad } from '../../../catalogue/useLoad';
import { useT } from '../../../i18n';

interface ZeroMaterialFacts {
  materials: number;
  fromCertificates: number;
  fromDatasets: number;
  uploads: number;
  rate: number;
  oneId: boolean;
  applications: number;
  uploadsSaved: number;
}

/** On a guide: how many materials the platform attaches by itself (零材料), and 一证通办. */
export function ZeroMaterial({
  kind,
  subjectKey,
}: {
  kind: 'item' | 'bundle';
  subjectKey: string;
}) {
  const t = useT();
  const path = `/api/v1/zero-material/${kind}/${encodeURIComponent(subjectKey)}`;
  const [state] = useLoad(path, (signal) => api.get<ZeroMaterialFacts>(path, signal));
  if (state.status !== 'ready') return null;
  const z = state.data;
  return (
    <div className="ot-zero-material" data-testid="zero-material">
      <p>
        <Tag color={z.rate > 0 ? 'green' : 'default'}>{t('cert.zero.title')}</Tag>
        <strong>{t('cert.zero.rate', { rate: `${Math.round(z.rate * 100)}%` })}</strong>{' '}
        {t('cert.zero.detail', {
          n: z.materials,
          certs: z.fromCertificates,
          data: z.fromDatasets,
          uploads: z.uploads,
        })}
      </p>
      {z.applications > 0 && (
        <p className="ot-note">
          {t('cert.zero.saved', { cases: z.applications, saved: z.uploadsSaved })}
        </p>
      )}
      {z.oneId && (
        <p>
          <Tag color="blue">{t('cert.zero.oneId')}</Tag>
        </p>
      )}
    </div>
  );
}
