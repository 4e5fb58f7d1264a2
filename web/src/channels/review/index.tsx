import { ChannelHome } from '../../shell/ChannelHome';
import { Shell } from '../../shell/Shell';

export default function ReviewChannel() {
  return (
    <Shell channel="review" requireAuth>
      <ChannelHome channel="review" />
    </Shell>
  );
}
