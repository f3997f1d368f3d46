/**
 * Checksums and range rules that turn "looks like" into "is": a digit run is only a card when
 * the Luhn sum holds, a Chinese resident id only when its birth date is real and the ISO 7064
 * MOD 11-2 check character matches, a US SSN only outside the never-issued ranges.
 */

/** Luhn (mod 10) over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Payment card: 13–19 digits, an issuer range (2–6: Mastercard, Amex/JCB/Diners, Visa, Mastercard, Discover/UnionPay) and Luhn. */
export function cardValid(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  const first = digits.charCodeAt(0) - 48;
  if (first < 2 || first > 6) return false;
  if (/^(\d)\1+$/.test(digits)) return false;
  return luhnValid(digits);
}

const CN_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CN_ID_CHECK = '10X98765432';

/** Chinese resident identity number (GB 11643): 17 digits + check [0-9X], a real birth date, a region code. */
export function cnResidentIdValid(id: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(id)) return false;
  const province = Number(id.slice(0, 2));
  if (province < 11 || province > 91) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * CN_ID_WEIGHTS[i]!;
  return CN_ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

/** US SSN AAA-GG-SSSS: area not 000, 666 or 900–999; group not 00; serial not 0000. */
export function ssnValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  if (a === 0 || a === 666 || a >= 900) return false;
  if (group === '00' || serial === '0000') return false;
  // The advertising sample numbers that were never valid.
  if (`${area}${group}${serial}` === '078051120' || `${area}${group}${serial}` === '219099999') return false;
  return true;
}

/** IPv4 worth redacting: a real address, not loopback, unspecified, broadcast or a netmask. */
export function ipv4Redactable(ip: string): boolean {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return false;
  const [a, b] = parts as [number, number, number, number];
  if (a === 127 || a === 0) return false;
  if (a === 255 && b === 255) return false;
  return true;
}

export function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}
