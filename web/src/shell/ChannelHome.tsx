import { Empty } from 'antd';
import { useT } from '../i18n';
import type { ChannelId } from './channels';

// The welcome line and an honest empty state until the channel's real workbench lands. A plain
// <p> rather than antd Typography, which would drag Input and Tooltip into every channel.
export function ChannelHome({ channel }: { channel: ChannelId }) {
  const t = useT();
  return (
    <section className="ot-channel-home" aria-labelledby="channel-welcome">
      <p id="channel-welcome" className="ot-welcome">
        {t(`channel.${channel}.welcome`)}
      </p>
      <Empty data-testid="channel-empty" description={t(`channel.${channel}.empty`)} />
    </section>
  );
}
