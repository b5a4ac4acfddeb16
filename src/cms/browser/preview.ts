import { formatDate } from '../../model/format.ts';

/**
 * The preview pane as readers see the page: the title, date and summary as the article layout
 * draws them, the body read and cut down as the build does (../preview-html.ts, loaded when the
 * first preview is drawn), in the site's own style sheet. Photos are shown as the editor chose them.
 */
type Immutable = { getIn(path: string[]): unknown };
interface Props {
  entry: Immutable;
  getAsset(path: string): { url: string } | undefined;
}
type Api = { h: (...args: unknown[]) => unknown; createClass: (spec: object) => unknown };

let render: Promise<typeof import('../preview-html.ts')> | undefined;
let mdx: Promise<unknown> | undefined;

const field = (entry: Immutable, name: string) => {
  const v = entry.getIn(['data', name]);
  return v === undefined || v === null ? '' : String(v);
};

export function previewTemplate({ h, createClass }: Api, kind: 'news' | 'stories' | 'workers' | 'notices') {
  return createClass({
    getInitialState: () => ({ html: '', ready: false }),
    componentDidMount(this: { draw(): void }) {
      this.draw();
    },
    componentDidUpdate(this: { draw(): void; props: Props; drawn?: string }) {
      if (this.drawn !== field(this.props.entry, 'body')) this.draw();
    },
    draw(this: { props: Props; drawn?: string; setState(s: object): void }) {
      const body = field(this.props.entry, 'body');
      this.drawn = body;
      // A new item has no body yet: the renderer (~100 KB) waits until there is one to draw.
      if (!body.trim()) return this.setState({ html: '<p class="muted">（正文还没有写）</p>', ready: true });
      render ??= import('../preview-html.ts');
      if (kind === 'stories') mdx ??= render.then((r) => r.storyMdx());
      void Promise.all([render, kind === 'stories' ? mdx : undefined]).then(([{ bodyHtml }, m]) => this.drawn === body && this.setState({ html: bodyHtml(body, m), ready: true }));
    },
    render(this: { props: Props; state: { html: string; ready: boolean } }) {
      const { entry, getAsset } = this.props;
      const title = field(entry, kind === 'workers' ? 'name' : 'title');
      const date = field(entry, 'date');
      const summary = field(entry, 'summary');
      const photo = kind === 'workers' ? field(entry, 'photo') : '';
      const photoUrl = photo ? getAsset(photo)?.url : undefined;
      return h('div', { className: 'wrap' }, h('article', { className: 'article' }, [
        h('h1', { key: 'h' }, title || '（还没有标题）'),
        date ? h('p', { key: 'd', className: 'muted' }, h('time', { dateTime: date }, /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDate(date) : date)) : null,
        kind === 'workers' ? h('p', { key: 'r', className: 'badge' }, field(entry, 'category')) : null,
        photoUrl ? h('img', { key: 'p', src: photoUrl, alt: field(entry, 'photoAlt') || `${title}的照片`, className: 'portrait', style: { maxWidth: '18rem' } }) : null,
        summary ? h('p', { key: 's', className: 'notice-box' }, summary) : null,
        h('div', { key: 'b', className: 'prose story-body', dangerouslySetInnerHTML: { __html: this.state.ready ? this.state.html : '<p>正在生成预览……</p>' } }),
      ]));
    },
  });
}
