import { useParams } from 'react-router-dom';
import { WorkbenchTheme } from '../../cases/theme';
import { Apply } from '../portal/cases/Apply';
import { CasePage } from '../portal/cases/CasePage';
import { CaseRoutesContext } from '../portal/cases/paths';
import { kioskRoutes } from './routes';

/**
 * /kiosk/cases/:id: a draft begun on the phone, the portal or another kiosk, continued here (the
 * portal's case page in one column, big), or any other case followed; /kiosk/apply/… starts one.
 */
export default function KioskCase() {
  const { id, kind, key } = useParams();
  return (
    <CaseRoutesContext value={kioskRoutes}>
      <WorkbenchTheme>
        <div className="ot-kiosk-case">
          {kind !== undefined && key !== undefined ? (
            <Apply kind={kind} subjectKey={key} />
          ) : (
            <CasePage id={id ?? ''} />
          )}
        </div>
      </WorkbenchTheme>
    </CaseRoutesContext>
  );
}
