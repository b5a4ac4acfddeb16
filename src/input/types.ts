import type { PortalContent } from './markdown.ts';
import type { Row, TableName } from './schema/tables.ts';
import type { Located } from './table.ts';

/** Every table under data/, each row keeping the line it came from. */
export type Tables = { [T in TableName]: Located<Row<T>>[] };

/** Every table under data/ and the frontmatter of every Markdown file under content/. */
export type PortalData = Tables & { content: PortalContent };
