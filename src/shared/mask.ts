/** Keeps the region and the last four characters: enough for a clerk to match a card, no more. */
export function maskResidentId(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

const RESIDENT_ID_IN_TEXT = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
// With or without the country code: 13812345678, 8613812345678, +86 13812345678.
const PHONE_IN_TEXT = /(?<!\d)((?:\+?86[- ]?)?1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** For free text that may carry personal data (URLs, log messages). */
export function maskPiiInText(text: string): string {
  return text
    .replace(
      RESIDENT_ID_IN_TEXT,
      (_m, head: string, tail: string) => `${head}********${tail.slice(-4)}`,
    )
    .replace(PHONE_IN_TEXT, (_m, head: string, tail: string) => `${head}****${tail}`);
}
