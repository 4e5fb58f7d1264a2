export { LocaleProvider, useLocale, useT, type Translate } from './context';
export { getLocale, translate, type Locale, type MessageKey } from './locale';
