import { ChannelHome } from '../../shell/ChannelHome';
import { Shell } from '../../shell/Shell';

export default function PortalChannel() {
  return (
    <Shell channel="portal">
      <ChannelHome channel="portal" />
    </Shell>
  );
}
