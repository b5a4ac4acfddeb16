import { personSlug, slugify } from '../pinyin.ts';
import { addFieldStyle } from './field-style.ts';

/**
 * A worker's photo: chosen from the computer, shrunk in the browser before it is committed (by
 * Sveltia's own image step, `transformations` in the field's configuration: WebP, at most as wide
 * as a page ever shows it, src/model/portrait.ts), named in pinyin after the worker
 * ("赵海峰工作照.jpg" → zhao-haifeng.webp), and the alt text asked for again: the old one describes
 * the old photo. No stock-photo services and no web addresses are offered.
 */
type Immutable = { get(key: string): unknown; getIn(path: string[]): unknown };
interface Props {
  value?: string;
  forID: string;
  classNameWrapper: string;
  field: Immutable;
  entry?: Immutable;
  onChange(value: string): void;
  addFile(file: File, options?: { name?: string }): Promise<string>;
}
interface State {
  message: string;
}
type This = { props: Props; state: State; setState(s: Partial<State>): void; altBefore?: string };

/** The alt text field beside the photo (the schema's photoAlt). */
const ALT = 'photoAlt';
const dataOf = (entry: Immutable | undefined, key: string) => {
  const value = entry?.getIn(['data', key]);
  return typeof value === 'string' ? value : '';
};

/** The new file's name: the worker's name in pinyin, else the file's own name in pinyin. */
export function photoName(workerName: string, fileName: string): string {
  const ext = /\.[a-z0-9]+$/i.exec(fileName)?.[0].toLowerCase() ?? '.jpg';
  const base = personSlug(workerName) || slugify(fileName.replace(/\.[^.]+$/, '')) || 'photo';
  return `${base}${ext}`;
}

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

type Api = { h: (...args: unknown[]) => unknown; createClass: (spec: object) => unknown };

export function photoControl({ h, createClass }: Api) {
  return createClass({
    getInitialState: (): State => ({ message: '' }),
    async choose(this: This, file: File) {
      const { entry, addFile, onChange } = this.props;
      const name = photoName(dataOf(entry, 'name'), file.name);
      try {
        const url = await addFile(file, { name });
        const shrunk = await fetch(url).then((r) => r.blob());
        const { width, height } = await createImageBitmap(shrunk);
        this.altBefore = dataOf(entry, ALT);
        onChange(url);
        this.setState({ message: `已缩小为 ${width}×${height} 像素的 WebP 图片（${kb(shrunk.size)}，原图 ${kb(file.size)}），保存时上传到 content/workers/photos/。请在下面的“照片说明”里为新照片重新写一句说明。` });
      } catch (error) {
        this.setState({ message: `这张图片用不了：${(error as Error).message}。请换一张 JPG、PNG 或 WebP 照片。` });
      }
    },
    // Sveltia asks before saving: a new photo needs its own alt text.
    isValid(this: This) {
      if (this.altBefore === undefined) return true;
      const alt = dataOf(this.props.entry, ALT).trim();
      if (alt && alt !== this.altBefore.trim()) return true;
      return { error: { message: '换了新照片：请在“照片说明”里重新写一句这张照片的内容（如“赵海峰在车间检修设备”），原来的说明写的是旧照片' } };
    },
    render(this: This) {
      const { forID, classNameWrapper, value, field } = this.props;
      const label = String(field.get('label') ?? '照片');
      addFieldStyle();
      return h('div', {}, [
        h('p', { key: 'now', style: { margin: '0 0 4px' } }, value ? (value.startsWith('blob:') ? '新照片（保存时上传）' : `现在的照片：${value}`) : '还没有照片'),
        value?.startsWith('blob:') ? h('img', { key: 'img', src: value, alt: '', style: { maxWidth: '160px', maxHeight: '200px', display: 'block' } }) : null,
        h('label', { key: 'file', className: 'portal-file-button' }, [
          value ? '换一张照片…' : '选择照片…',
          h('input', {
            key: 'input',
            id: forID,
            className: classNameWrapper,
            type: 'file',
            accept: String(field.get('accept') ?? 'image/*'),
            'aria-label': `${label}：选择照片文件（会自动缩小）`,
            onChange: (e: { target: HTMLInputElement }) => {
              const file = e.target.files?.[0];
              if (file) void (this as unknown as { choose(f: File): Promise<void> }).choose(file);
            },
          }),
        ]),
        this.state.message ? h('p', { key: 'msg', role: 'status', style: { margin: '4px 0 0' } }, this.state.message) : null,
      ]);
    },
  });
}
