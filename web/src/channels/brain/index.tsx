import { ChannelHome } from '../../shell/ChannelHome';
import { Shell } from '../../shell/Shell';

export default function BrainChannel() {
  return (
    <Shell channel="brain" requireAuth>
      <ChannelHome channel="brain" />
    </Shell>
  );
}
