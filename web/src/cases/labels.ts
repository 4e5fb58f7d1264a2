import { useCallback } from 'react';
import { useLocale, type Locale, type Translate } from '../i18n';
import {
  CASE_CHANNELS,
  CASE_STATES,
  DECISIONS,
  DELIVERY_METHODS,
  EVENT_ACTIONS,
  MATERIAL_SOURCES,
  NOTICE_KINDS,
  SPECIAL_PROCEDURES,
  TASK_STATES,
  TRIP_PURPOSES,
} from './model';

const oneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

// A code this build does not know yet shows as itself rather than vanishing from the page.
export const caseStateLabel = (t: Translate, v: string) =>
  oneOf(CASE_STATES, v) ? t(`case.state.${v}`) : v;
export const taskStateLabel = (t: Translate, v: string) =>
  oneOf(TASK_STATES, v) ? t(`case.taskState.${v}`) : v;
export const actionLabel = (t: Translate, v: string) =>
  oneOf(EVENT_ACTIONS, v) ? t(`case.action.${v}`) : v;
export const caseChannelLabel = (t: Translate, v: string) =>
  oneOf(CASE_CHANNELS, v) ? t(`case.channel.${v}`) : v;
export const decisionLabel = (t: Translate, v: string) =>
  oneOf(DECISIONS, v) ? t(`case.decision.${v}`) : v;
export const procedureLabel = (t: Translate, v: string) =>
  oneOf(SPECIAL_PROCEDURES, v) ? t(`case.procedure.${v}`) : v;
export const deliveryMethodLabel = (t: Translate, v: string) =>
  oneOf(DELIVERY_METHODS, v) ? t(`case.delivery.${v}`) : v;
export const tripPurposeLabel = (t: Translate, v: string) =>
  oneOf(TRIP_PURPOSES, v) ? t(`case.trip.${v}`) : v;
export const materialSourceLabel = (t: Translate, v: string) =>
  oneOf(MATERIAL_SOURCES, v) ? t(`case.source.${v}`) : v;
export const noticeLabel = (t: Translate, v: string) =>
  oneOf(NOTICE_KINDS, v) ? t(`case.notice.${v}`) : v;
export const outcomeLabel = (t: Translate, v: string) =>
  v === 'approved' || v === 'rejected' ? t(`case.outcome.${v}`) : v;

/** The SLA light in words: the colour alone never carries the meaning. */
export function slaLabel(t: Translate, sla: string | null, paused = false): string {
  if (paused || sla === 'paused') return t('case.sla.paused');
  if (sla === 'green' || sla === 'yellow' || sla === 'red') return t(`case.sla.${sla}`);
  return t('case.sla.none');
}

const dateTime = (locale: Locale) =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
const dateOnly = (locale: Locale) =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });

/** An instant (ISO) as the district's local date and time. */
export function formatDateTime(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime(locale).format(d);
}

/** An instant (ISO) as the district's local date. */
export function formatDate(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateOnly(locale).format(d);
}

export function useFormatters() {
  const { locale } = useLocale();
  return {
    locale,
    dateTime: useCallback(
      (iso: string | null | undefined) => formatDateTime(locale, iso),
      [locale],
    ),
    date: useCallback((iso: string | null | undefined) => formatDate(locale, iso), [locale]),
    unit: useCallback(
      (u: { name: string; nameEn: string } | null | undefined) =>
        u ? (locale === 'en-US' ? u.nameEn || u.name : u.name) : null,
      [locale],
    ),
  };
}
