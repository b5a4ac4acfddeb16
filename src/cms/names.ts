/** Names shared by the generated configuration (Node) and the admin page's script (browser). */

/** The field that names a new file (pinyin, browser/file-name-field.ts); never written into the file. */
export const FILE_NAME_FIELD = 'file_name';
export const FILE_NAME_WIDGET = 'portal-file-name';
/** The list field holding a table's rows. */
export const ROWS = 'rows';
/** The custom file format of one table (csv-format.ts), named in its collection's `format`. */
export const csvFormatName = (table: string) => `csv-${table}`;
/** The hidden field holding an entry's status (草稿, 定时发布, 已发布) for the lists; never written into the file. */
export const STATUS_FIELD = 'portal_status';
/** A worker's photo: shrunk, named in pinyin, its alt text asked for again (browser/photo-field.ts). */
export const PHOTO_WIDGET = 'portal-photo';
/** A table's rows as a table (browser/table-field.ts). */
export const TABLE_WIDGET = 'portal-table';
