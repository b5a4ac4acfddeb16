import { ID_ERROR, ID_PATTERN } from '../../input/schema/patterns.ts';
import { entryFileName, personSlug, slugify } from '../pinyin.ts';

/**
 * The field that names a new entry's file in pinyin, so a Chinese title gives an ASCII address
 * (2024-05-06-quanshi-jieneng-jiansai.md) as `npm run new` does. It follows the title until the
 * editor types a name of their own, and is removed before saving (admin.ts), since the
 * frontmatter schema allows no such field: the name lives only in the file name.
 */
type EntryMap = { getIn(path: string[]): unknown; get(key: string): unknown };
interface Props {
  value?: string;
  forID: string;
  classNameWrapper: string;
  entry?: EntryMap;
  field: { get(key: string): unknown };
  onChange(value: string): void;
}

/** The file name (without extension) the schema's rules expect for a new entry of `kind`. */
export function suggestedName(kind: string, data: { title?: unknown; name?: unknown; date?: unknown; year?: unknown }): string {
  if (kind === 'workers') return typeof data.name === 'string' ? personSlug(data.name) : '';
  const words = slugify(typeof data.title === 'string' ? data.title : '');
  const date = typeof data.date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(data.date) ? data.date.slice(0, 10) : undefined;
  const year = typeof data.year === 'number' || typeof data.year === 'string' ? data.year : undefined;
  return entryFileName(kind === 'news' ? 'news' : kind === 'stories' ? 'story' : 'other', words, { date, year });
}

/**
 * Whether the editor is creating an entry. The entry given to a custom field does not say
 * (its newRecord is false for new drafts too); the editor's address does: #/collections/news/new.
 */
const isNewEntry = () => /\/new(\?|$)/.test(location.hash);

type Api = { h: (...args: unknown[]) => unknown; createClass: (spec: object) => unknown };

/** The control, built with the React helpers Sveltia CMS puts on window (h, createClass). */
export function fileNameControl({ h, createClass }: Api) {
  return createClass({
    auto: '' as string,
    componentDidMount(this: { sync(): void }) {
      this.sync();
    },
    componentDidUpdate(this: { sync(): void }) {
      this.sync();
    },
    sync(this: { props: Props; auto: string }) {
      const { entry, field, value, onChange } = this.props;
      // Only a new entry is named: an existing file keeps its name (and its address).
      if (!entry || !isNewEntry()) return;
      const data = (entry.get('data') as { toJS?: () => Record<string, unknown> } | undefined)?.toJS?.() ?? {};
      const next = suggestedName(String(field.get('kind')), data);
      if ((value ?? '') === this.auto && next !== this.auto) {
        this.auto = next;
        onChange(next);
      }
    },
    // Sveltia asks before saving: a new file's name must be a valid address.
    isValid(this: { props: Props }) {
      const { value } = this.props;
      if (!isNewEntry()) return true;
      return ID_PATTERN.test(value ?? '') ? true : { error: { message: `文件名：${ID_ERROR}` } };
    },
    render(this: { props: Props }) {
      const { forID, classNameWrapper, value, entry, onChange } = this.props;
      const existing = !isNewEntry();
      return h('input', {
        id: forID,
        className: classNameWrapper,
        type: 'text',
        value: existing ? String(entry?.get('slug') ?? '') : (value ?? ''),
        readOnly: existing,
        spellCheck: false,
        autoComplete: 'off',
        style: { width: '100%', fontFamily: 'monospace' },
        onChange: (e: { target: { value: string } }) => onChange(e.target.value),
      });
    },
  });
}
