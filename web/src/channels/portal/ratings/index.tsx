import { Alert } from 'antd';
import { useLocalName } from '../../../catalogue/labels';
import { useLoad } from '../../../catalogue/useLoad';
import { api } from '../../../api';
import { useT } from '../../../i18n';
import { usePageTitle } from '../../../shell/pageTitle';
import { Shell } from '../../../shell/Shell';
import { Loading } from '../../../shell/Loading';

interface DepartmentRatings {
  unit: { code: string; name: string; nameEn: string };
  ratings: number;
  average: number;
  bad: number;
  badRate: number;
}

/** /ratings: every department's 好差评 in public, worst 差评率 first (政务服务好差评 公示). */
export default function RatingsPage() {
  return (
    <Shell channel="portal">
      <Ratings />
    </Shell>
  );
}

function Ratings() {
  const t = useT();
  const name = useLocalName();
  usePageTitle(t('ratings.title'));
  const path = '/api/v1/ratings';
  const [state] = useLoad(path, (signal) =>
    api.get<{ data: DepartmentRatings[]; total: number }>(path, signal),
  );
  const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
  return (
    <>
      <h2>{t('ratings.title')}</h2>
      <p className="ot-note">{t('ratings.hint')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert type="error" showIcon title={state.error.message} />}
      {state.status === 'ready' && (
        <div className="ot-table-wrap">
          <table className="ot-table" data-testid="department-ratings">
            <caption>{t('ratings.caption', { n: state.data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ratings.col.unit')}</th>
                <th scope="col">{t('ratings.col.ratings')}</th>
                <th scope="col">{t('ratings.col.average')}</th>
                <th scope="col">{t('ratings.col.bad')}</th>
                <th scope="col">{t('ratings.col.badRate')}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.data.map((r) => (
                <tr key={r.unit.code} data-unit={r.unit.code}>
                  <th scope="row">{name(r.unit)}</th>
                  <td>{r.ratings}</td>
                  <td>{r.average.toFixed(2)}</td>
                  <td>{r.bad}</td>
                  <td>{percent(r.badRate)}</td>
                </tr>
              ))}
              {!state.data.data.length && (
                <tr>
                  <td colSpan={5}>{t('ratings.none')}</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
