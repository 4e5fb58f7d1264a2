import { ChannelHome } from '../../shell/ChannelHome';
import { Shell } from '../../shell/Shell';

export default function CounterChannel() {
  return (
    <Shell channel="counter" requireAuth>
      <ChannelHome channel="counter" />
    </Shell>
  );
}
