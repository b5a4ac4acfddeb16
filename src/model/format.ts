/** Chinese formatting of figures and dates, so no page formats them by hand. */

const numberFormat = new Intl.NumberFormat('zh-CN');

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** "2019-04-30" → "2019年4月30日" */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** "2019-04" → "2019年4月底前", the notice's way of giving a deadline. */
export function formatMonthDeadline(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月底前`;
}

/** Joins names the Chinese way: 甲、乙、丙 */
export function enumerate(names: readonly string[]): string {
  return names.join('、');
}
