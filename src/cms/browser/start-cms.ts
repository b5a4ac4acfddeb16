import { csvToRows, rowsToCsv } from '../csv-format.ts';
import { exactFrontmatter, fromMarkdown, toMarkdown } from '../frontmatter-format.ts';
import { entryStatus, withoutStatus, withStatus } from '../entry-status.ts';
import { FILE_NAME_FIELD, FILE_NAME_WIDGET, PHOTO_WIDGET, STATUS_FIELD, TABLE_WIDGET } from '../names.ts';
import { demoNotice, seedDemoRepo } from './demo-repo.ts';
import { fileNameControl } from './file-name-field.ts';
import { type NoticeLine, showNotice } from './notice.ts';
import { photoControl } from './photo-field.ts';
import { previewTemplate } from './preview.ts';
import { signedInToken } from './signed-in.ts';
import { tableControl } from './table-field.ts';
import { watchLive, type LiveWatch } from './watch-live.ts';

/**
 * Sveltia CMS with the configuration the build generated from the
 * schemas (/admin/config.json), in Chinese whatever the browser's language, with the tables saved
 * as CSV and new files named in pinyin. Sveltia's own files are bundled with the site (see
 * src/astro/integrations/sveltia-local-assets.ts): nothing is fetched from another site.
 */
const PREFS = 'sveltia-cms.prefs';

/** Chinese UI on any browser: Sveltia follows its saved preference, else the browser's language. */
function preferChinese() {
  try {
    const prefs = JSON.parse(localStorage.getItem(PREFS) ?? '{}') as Record<string, unknown>;
    if (!prefs.locale) localStorage.setItem(PREFS, JSON.stringify({ ...prefs, locale: 'zh-CN' }));
  } catch {
    localStorage.setItem(PREFS, JSON.stringify({ locale: 'zh-CN' }));
  }
}

interface TableFile {
  name: string;
  files: { format: string; fields: { columns: { name: string }[] }[] }[];
}

/**
 * `siteStyle`: the site's style sheet, for the preview (a file of the site: the page's policy allows
 * no blob: styles); `demoRepo`: in the demo, the content its test repository starts with (demo-repo.ts).
 */
export async function startCms(configUrl: string, siteStyle: string, demoRepo?: string) {
  preferChinese();
  // Sveltia starts itself when loaded unless told not to; it must wait for the settings below.
  (window as unknown as { CMS_MANUAL_INIT: boolean }).CMS_MANUAL_INIT = true;
  const [{ default: CMS }, config] = await Promise.all([
    import('@sveltia/cms'),
    fetch(configUrl).then((r) => r.json()),
    demoRepo ? seedDemoRepo(demoRepo) : undefined,
  ]);
  if (demoRepo) demoNotice();
  // The build's own checks on the repository as it would be after a save (browser/check-save.ts,
  // loaded at the first save): the preSave listener below notes which file is being saved, and
  // Sveltia then asks the format for that file's text, the exact bytes it commits. A save that would
  // stop the build is refused there (the format's promise rejects), and Sveltia commits nothing.
  // On a git host the check reads the publishing branch with the editor's token (host-files.ts);
  // the host is the one the live status asks (admin-config.ts, liveHost).
  const live = config.portal_live as LiveWatch | undefined;
  delete config.portal_live;
  const onHost = config.backend?.name !== 'test-repo';
  let savingPath: string | undefined;
  let checkedNotes: NoticeLine[] = [];
  const guarded = (text: string): string | Promise<string> => {
    const path = savingPath;
    savingPath = undefined;
    if (!path) return text;
    // Read at each save: the editor may have signed in again since.
    const source = !onHost ? ('test-repo' as const) : live && { ...live, token: signedInToken() };
    return import('./check-save.ts')
      .then(({ guardSave }) => guardSave(path, `${text.trim()}\n`, source))
      .then((notes) => {
        checkedNotes = notes;
        return text;
      });
  };
  for (const collection of config.collections as TableFile[]) {
    const file = collection.files?.[0];
    if (!file) continue;
    const columns = file.fields[0]!.columns.map((f) => f.name);
    CMS.registerCustomFormat(file.format, 'csv', {
      fromFile: (text: string) => csvToRows(text, columns),
      toFile: ((data: unknown) => guarded(rowsToCsv(data as never, columns))) as never,
    });
  }
  for (const extension of ['md', 'mdx']) {
    CMS.registerCustomFormat(exactFrontmatter(extension), extension, {
      fromFile: (text: string) => withStatus(fromMarkdown(text)),
      toFile: ((data: unknown) => guarded(toMarkdown(withoutStatus(data as Record<string, unknown>)))) as never,
    });
  }
  // The entry's page is on this site: /admin/ is served with it.
  config.site_url = location.origin;
  const pages = new Map<string, string>((config.collections as { name: string; preview_path?: string }[]).filter((c) => c.preview_path).map((c) => [c.name, c.preview_path!]));
  const api = window as unknown as Parameters<typeof fileNameControl>[0];
  CMS.registerFieldType(FILE_NAME_WIDGET, fileNameControl(api) as never);
  CMS.registerFieldType(PHOTO_WIDGET, photoControl(api) as never);
  CMS.registerFieldType(TABLE_WIDGET, tableControl(api) as never);
  // The page as readers will see it, in the site's own styles (browser/preview.ts).
  CMS.registerPreviewStyle(siteStyle);
  for (const kind of ['news', 'stories', 'workers', 'notices'] as const) CMS.registerPreviewTemplate(kind, previewTemplate(api, kind) as never);
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      // The file name is the slug only: the frontmatter schema allows no such field.
      let saving = entry.deleteIn(['data', FILE_NAME_FIELD]);
      // A new item is first saved as a draft, as `npm run new` makes it: publishing is a second,
      // deliberate save. Tables have no draft column.
      if (entry.get('newRecord') && entry.hasIn(['data', 'draft'])) saving = saving.setIn(['data', 'draft'], true);
      // The list shows the status the save gives it (the file never holds it: entry-status.ts).
      if (saving.hasIn(['data', 'draft'])) saving = saving.setIn(['data', STATUS_FIELD], entryStatus((saving.get('data') as { toJS(): Record<string, unknown> }).toJS()));
      // The file this save writes: its text is checked when Sveltia asks the format for it (above).
      savingPath = String(entry.get('path'));
      return saving as never;
    },
  });
  CMS.registerEventListener({
    name: 'postSave',
    handler: ({ entry }) => {
      const data = (entry.get('data') as { toJS(): Record<string, unknown> }).toJS();
      const page = pages.get(String(entry.get('collection')))?.replace('{{slug}}', String(entry.get('slug')));
      const status = 'draft' in data ? entryStatus(data) : undefined;
      // What the check before the save still has to say (pictures uploaded with it, older problems).
      const notes = checkedNotes;
      checkedNotes = [];
      // Every other save is a commit that rebuilds the site: say when it is live (or why not).
      if (live && status !== '草稿') return watchLive(live, status === '已发布' ? page : undefined);
      if (!status) {
        if (notes.length > 0) showNotice('已保存。', notes);
        return;
      }
      if (status === '草稿') {
        showNotice('已保存为草稿：网站上不显示。', [{ text: '写完、核对无误后，打开这一条，关掉“草稿”开关，再点“保存”，网站才会发布它。' }, ...notes]);
      } else if (status !== '已发布') {
        showNotice(`已保存，${status}。`, [{ text: '到了发布日期，网站重新生成时（每次保存、每天定时）它才出现在网站上。' }, ...notes]);
      } else {
        showNotice('已保存，将会发布。', [{ text: '网站重新生成后，它在这里：', href: page, link: page }, ...notes]);
      }
    },
  });
  await CMS.init({ config });
}
