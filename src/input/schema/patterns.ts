/**
 * The shapes of editors' identifiers, written once: table ids, file names (which are page
 * addresses), the published Table Schema and the scaffolding of new files all use these.
 */

/** An id or a file name: lower-case ASCII letters and digits in words joined by "-" (qinyang, zhonglv-zhongzhou). */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** ID_PATTERN as Table Schema writes a pattern (anchored implicitly). */
export const ID_PATTERN_BODY = ID_PATTERN.source.slice(1, -1);

export const ID_ERROR = '编号只能用小写英文字母、数字和连字符“-”';

/** A web address, as opposed to a file of the site's own (files/…, /news/…). */
export const ABSOLUTE_URL = /^https?:\/\//;
export const isAbsoluteUrl = (value: string) => ABSOLUTE_URL.test(value);
