/**
 * Private numbers that must never reach the site: a mainland mobile number or a resident ID-card
 * number typed into a cell or a Markdown text. The schemas already refuse undeclared columns and
 * fields (a "phone" column); this catches the same data pasted into a declared one (a worker's
 * biography, a news text). Office landlines (0391-…) and e-mail addresses are public by nature
 * and are left alone.
 */
export interface PrivateNumber {
  kind: 'mobile' | 'id-card';
  /** Offset in the text. */
  index: number;
  /** The number with its middle hidden, so the report does not spread it further. */
  masked: string;
}

const MOBILE = /(?<![\dA-Za-z])1[3-9]\d{9}(?![\dA-Za-z])/g;
const ID_CARD = /(?<![\dA-Za-z])[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/g;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643: the last character of an ID-card number is a checksum of the first seventeen. */
export function isIdCardNumber(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(value[i]), 0);
  return CHECK[sum % 11] === value[17]!.toUpperCase();
}

export function findPrivateNumbers(text: string): PrivateNumber[] {
  const found: PrivateNumber[] = [];
  for (const m of text.matchAll(ID_CARD)) {
    if (isIdCardNumber(m[0])) found.push({ kind: 'id-card', index: m.index, masked: `${m[0].slice(0, 6)}********${m[0].slice(14)}` });
  }
  for (const m of text.matchAll(MOBILE)) {
    found.push({ kind: 'mobile', index: m.index, masked: `${m[0].slice(0, 3)}****${m[0].slice(7)}` });
  }
  return found.sort((a, b) => a.index - b.index);
}

export const PRIVATE_KIND = { mobile: '手机号码', 'id-card': '身份证号码' } as const;

export const PRIVATE_HINT =
  '删除这个号码：个人手机号、身份证号不能出现在网站上；需要留联系方式时，写单位的办公电话或电子邮箱';
