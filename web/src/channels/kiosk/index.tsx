import { ChannelHome } from '../../shell/ChannelHome';
import { Shell } from '../../shell/Shell';

export default function KioskChannel() {
  return (
    <Shell channel="kiosk" requireAuth variant="kiosk">
      <ChannelHome channel="kiosk" />
    </Shell>
  );
}
