import { useSearchParams } from 'react-router-dom';
import { Shell } from '../../shell/Shell';
import { BigScreen, Dashboard } from './Dashboard';

// One lazily loaded chunk (see app.tsx): ECharts comes with it, so the portal's first load never
// carries a chart library.
export default function BrainChannel() {
  const [params] = useSearchParams();
  if (params.get('screen') === 'big') return <BigScreen />;
  return (
    <Shell channel="brain" requireAuth>
      <Dashboard />
    </Shell>
  );
}
