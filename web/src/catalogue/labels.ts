import { useCallback } from 'react';
import { useLocale, type Locale, type Translate } from '../i18n';
import {
  AUDIENCES,
  CHANNELS,
  HANDLING_LEVELS,
  ITEM_TYPES,
  MEDIA,
  REQUIREMENTS,
  STAGES,
  type Named,
} from './model';

const oneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

// A code this build does not know yet (the server gained a new type) shows as itself rather than
// vanishing from the page.
export const itemTypeLabel = (t: Translate, v: string) =>
  oneOf(ITEM_TYPES, v) ? t(`itemType.${v}`) : v;
export const levelLabel = (t: Translate, v: string) =>
  oneOf(HANDLING_LEVELS, v) ? t(`level.${v}`) : v;
export const channelLabel = (t: Translate, v: string) =>
  oneOf(CHANNELS, v) ? t(`channelKey.${v}`) : v;
export const audienceLabel = (t: Translate, v: string) =>
  oneOf(AUDIENCES, v) ? t(`audience.${v}`) : v;
export const requirementLabel = (t: Translate, v: string) =>
  oneOf(REQUIREMENTS, v) ? t(`requirement.${v}`) : v;
export const mediumLabel = (t: Translate, v: string) => (oneOf(MEDIA, v) ? t(`medium.${v}`) : v);

export function stageLabel(t: Translate, audience: string, stage: string): string {
  if (audience === 'citizen' && oneOf(STAGES.citizen, stage)) return t(`stage.citizen.${stage}`);
  if (audience === 'enterprise' && oneOf(STAGES.enterprise, stage)) {
    return t(`stage.enterprise.${stage}`);
  }
  return stage;
}

export const localName = (locale: Locale, x: Named) =>
  locale === 'en-US' ? x.nameEn || x.name : x.name;

/** The catalogue is bilingual: every name has an English form, used when the UI is in English. */
export function useLocalName(): (x: Named) => string {
  const { locale } = useLocale();
  return useCallback((x: Named) => localName(locale, x), [locale]);
}
