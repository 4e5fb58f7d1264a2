// Texts the server keeps in both languages, read in the page's. Chinese is the text of record:
// whatever has no English form (an older case, a new topic) shows in Chinese rather than not at all.
import type { Locale } from '../i18n/locale';

/** The enumeration part of a form field, as the catalogue declares it. */
export interface EnumSchema {
  enum?: (string | number)[];
  'x-help'?: string;
  'x-enum-en'?: Record<string, string>;
}

/**
 * The label of an enumerated answer: English from 'x-enum-en', Chinese from the help text
 * ('own：自有；lease：租赁'); null where the catalogue gives none (show the code).
 */
export function enumLabel(
  locale: Locale | string,
  schema: EnumSchema,
  value: unknown,
): string | null {
  if (!schema.enum) return null;
  const code = String(value);
  if (locale === 'en-US') {
    const labels = schema['x-enum-en'];
    return labels && Object.hasOwn(labels, code) ? (labels[code] ?? null) : null;
  }
  const help = schema['x-help'];
  if (!help) return null;
  for (const part of help.split(/[；;]/)) {
    const match = /^\s*([^：:]+)[：:]\s*(.+?)\s*$/.exec(part);
    if (match && match[1] === code) return match[2] ?? null;
  }
  return null;
}

/** A case's title: the English one on English pages where the case has one. */
export const caseTitle = (locale: Locale | string, c: { title: string; titleEn?: string | null }) =>
  (locale === 'en-US' && c.titleEn) || c.title;

/** A step's name: the definition's English name on English pages. */
export const stepName = (locale: Locale | string, task: { name: string; nameEn?: string | null }) =>
  (locale === 'en-US' && task.nameEn) || task.name;

/** The case events the applicant is told of; the web words each in the page's language. */
export const MESSAGE_KINDS = [
  'case.accept',
  'case.request_correction',
  'case.decline',
  'case.reject',
  'case.deliver',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface InboxMessage {
  kind?: string | null;
  title: string;
  titleEn?: string | null;
  body: string;
}

/**
 * A message in the page's language: its title in English where the case has one, its body worded
 * from its kind by `word`; the stored Chinese for a kind this build does not know.
 */
export function messageText(
  locale: Locale | string,
  message: InboxMessage,
  word: (kind: MessageKind) => string,
): { title: string; body: string } {
  const known = (MESSAGE_KINDS as readonly string[]).includes(message.kind ?? '');
  return {
    title: (locale === 'en-US' && message.titleEn) || message.title,
    body: known && locale === 'en-US' ? word(message.kind as MessageKind) : message.body,
  };
}
