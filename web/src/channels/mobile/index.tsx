import { ChannelHome } from '../../shell/ChannelHome';
import { Shell } from '../../shell/Shell';

export default function MobileChannel() {
  return (
    <Shell channel="mobile" variant="mobile">
      <ChannelHome channel="mobile" />
    </Shell>
  );
}
