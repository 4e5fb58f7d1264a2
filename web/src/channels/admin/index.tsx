import { ChannelHome } from '../../shell/ChannelHome';
import { Shell } from '../../shell/Shell';

export default function AdminChannel() {
  return (
    <Shell channel="admin" requireAuth>
      <ChannelHome channel="admin" />
    </Shell>
  );
}
