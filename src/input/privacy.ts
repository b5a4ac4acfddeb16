/**
 * Private numbers that must never reach the site: a mainland mobile number, a resident ID-card
 * number or a bank-card number typed into a cell or a Markdown text, in the forms people write
 * them (groups with spaces or dashes, +86, full-width digits from a Chinese input method). The
 * schemas already refuse undeclared columns and fields (a "phone" column); this catches the same
 * data pasted into a declared one. Office landlines (0391-…) and e-mail addresses are public by
 * nature and are left alone; ID and bank numbers must pass their checksums, so figures, dates and
 * document numbers do not raise false alarms.
 */
import { decodeMarkup } from './markup-text.ts';

export type PrivateKind = 'mobile' | 'id-card' | 'bank-card';

export interface PrivateNumber {
  kind: PrivateKind;
  /** Offset in the text. */
  index: number;
  /** Characters the number takes in the text, prefix (+86) and separators included. */
  length: number;
  /** The digits with their middle hidden, one * per digit, so the report does not spread the number further. */
  masked: string;
}

/**
 * Full-width digits and letters, the ideographic space and the dashes a Chinese input method types,
 * each folded to its ASCII look-alike. One UTF-16 unit for one, so offsets stay those of the text.
 */
export function foldWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u00A0\u2000-\u200A\u202F\u3000]/g, ' ')
    .replace(/[\u2010-\u2015\u2212\uFE63]/g, '-');
}

const LEFT = '(?<![\\dA-Za-z])';
const RIGHT = '(?![\\dA-Za-z])';
/** Between groups of digits: nothing, a space, or a dash with or without spaces around it. */
const SEP = '(?: ?- ?| )?';
const MOBILE = new RegExp(
  `${LEFT}(?:(?:\\( ?(?:\\+|00)?86 ?\\)|(?:\\+|00)?86) ?-? ?)?(1[3-9]\\d)${SEP}(\\d{4})${SEP}(\\d{4})${RIGHT}`,
  'g',
);
const ID_CARD = new RegExp(
  `${LEFT}([1-9]\\d{5})${SEP}((?:18|19|20)\\d{2})${SEP}((?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]))${SEP}(\\d{3}[\\dXx])${RIGHT}`,
  'g',
);
/** 16 to 19 digits, plain or in groups of four (the last group may be shorter). */
const BANK_CARD = new RegExp(`${LEFT}(\\d{4}(?:${SEP}\\d{4}){3})(${SEP}\\d{1,3})?${RIGHT}`, 'g');
/** UnionPay 62, Visa 4, Mastercard 51–55 and 22–27, JCB 35, Discover 6011/64/65, old ICBC 9558. */
const CARD_ISSUER = /^(?:62|4|5[1-5]|2[2-7]|35|6011|6[45]|9558)/;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643: the last character of an ID-card number is a checksum of the first seventeen. */
export function isIdCardNumber(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(value[i]), 0);
  return CHECK[sum % 11] === value[17]!.toUpperCase();
}

/** ISO/IEC 7812: the last digit of a card number is its Luhn check digit. */
export function isLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100: a unified social credit code (an organisation's public number) with its checksum. */
export function isCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return false;
  const sum = CREDIT_WEIGHTS.reduce((s, w, i) => s + w * CREDIT_CHARS.indexOf(value[i]!), 0);
  return CREDIT_CHARS[(31 - (sum % 31)) % 31] === value[17];
}

const isCard = (d: string) => CARD_ISSUER.test(d) && isLuhn(d) && !isCreditCode(d);
const hide = (d: string, head: number, tail: number) => d.slice(0, head) + '*'.repeat(d.length - head - tail) + d.slice(-tail);

export function findPrivateNumbers(text: string): PrivateNumber[] {
  const folded = foldWidth(text);
  const found: PrivateNumber[] = [];
  // An ID number can pass the Luhn test too, and a card can hold a mobile-like run: the first kind wins.
  const add = (kind: PrivateKind, index: number, length: number, masked: string) => {
    if (found.some((n) => index < n.index + n.length && n.index < index + length)) return;
    found.push({ kind, index, length, masked });
  };
  for (const m of folded.matchAll(ID_CARD)) {
    const digits = m.slice(1).join('').toUpperCase();
    if (isIdCardNumber(digits)) add('id-card', m.index, m[0].length, hide(digits, 6, 4));
  }
  for (const m of folded.matchAll(BANK_CARD)) {
    const head = m[1]!.replace(/\D/g, '');
    const whole = head + (m[2] ?? '').replace(/\D/g, '');
    if (isCard(whole)) add('bank-card', m.index, m[0].length, hide(whole, 4, 4));
    else if (m[2] && isCard(head)) add('bank-card', m.index, m[1]!.length, hide(head, 4, 4));
  }
  for (const m of folded.matchAll(MOBILE)) {
    add('mobile', m.index, m[0].length, hide(m[1]! + m[2] + m[3], 3, 4));
  }
  return found.sort((a, b) => a.index - b.index);
}

/** For Markdown and frontmatter text: numbers written with entities or escapes, located in the source. */
export function findPrivateNumbersInMarkup(source: string): PrivateNumber[] {
  const { text, at } = decodeMarkup(source);
  return findPrivateNumbers(text).map((n) => ({ ...n, index: at[n.index]!, length: at[n.index + n.length]! - at[n.index]! }));
}

export const PRIVATE_KIND: Record<PrivateKind, string> = { mobile: '手机号码', 'id-card': '身份证号码', 'bank-card': '银行卡号' };

export const PRIVATE_HINT =
  '删除这个号码：个人手机号、身份证号、银行卡号不能出现在网站上；需要留联系方式时，写单位的办公电话或电子邮箱';
