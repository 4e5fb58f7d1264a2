import { Button, Space } from 'antd';
import { useLocale, useT } from './context';
import type { Locale } from './locale';

// Each option is labelled in its own language so a reader who cannot read the current one can
// still find theirs.
const OPTIONS: { locale: Locale; label: string; lang: string }[] = [
  { locale: 'zh-CN', label: '中文', lang: 'zh-CN' },
  { locale: 'en-US', label: 'English', lang: 'en' },
];

export function LocaleSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useT();
  return (
    <Space.Compact role="group" aria-label={t('locale.switch')} data-testid="locale-switch">
      {OPTIONS.map((option) => (
        <Button
          key={option.locale}
          lang={option.lang}
          type={option.locale === locale ? 'primary' : 'default'}
          aria-pressed={option.locale === locale}
          onClick={() => setLocale(option.locale)}
        >
          {option.label}
        </Button>
      ))}
    </Space.Compact>
  );
}
