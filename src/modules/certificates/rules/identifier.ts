/**
 * The certificate identifier, shaped after GB/T 36903 (证照标识): the certificate type's code,
 * the issuing district's division code, the year, a sequence number and a check of two digits
 * (ISO 7064 MOD 97-10, as IBANs use: letters count as 10–35). Example:
 * `YYZZ-330106-2026-0000042-63`.
 */
export function certificateIdentifier(
  typeCode: string,
  divisionCode: string,
  year: number,
  sequence: number,
): string {
  const body = `${typeCode}-${divisionCode}-${year}-${String(sequence).padStart(7, '0')}`;
  return `${body}-${mod97Check(body)}`;
}

function digitsOf(text: string): string {
  let out = '';
  for (const ch of text.toUpperCase()) {
    if (ch >= '0' && ch <= '9') out += ch;
    else if (ch >= 'A' && ch <= 'Z') out += String(ch.charCodeAt(0) - 55);
  }
  return out;
}

function mod97(digits: string): number {
  let r = 0;
  for (const d of digits) r = (r * 10 + Number(d)) % 97;
  return r;
}

/** Two check digits such that the digits of body + check ≡ 1 (mod 97). */
export function mod97Check(body: string): string {
  const r = mod97(digitsOf(body) + '00');
  return String(98 - r).padStart(2, '0');
}

/** Whether an identifier's check digits are right (a typed-in number, a misread QR). */
export function identifierIsWellFormed(id: string): boolean {
  const m = /^([A-Z]{4}-\d{6}-\d{4}-\d{7})-(\d{2})$/.exec(id);
  return Boolean(m && mod97(digitsOf(m[1]!) + m[2]!) === 1);
}
