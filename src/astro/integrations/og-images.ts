import fs from 'node:fs';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import sharp from 'sharp';
import { codeVersion, digest } from '../../build-cache/digest-cache.ts';
import { buildCacheDir, buildTime, config } from '../config.ts';
import { loadSite } from '../site-cache.ts';
import { FRONTMATTER_BLOCK } from '../../input/markdown.ts';
import { OG_KINDS, OG_SIZES, firstPhoto, ogImagePath, ownOgImagePath, type OgKind, type OwnOgKind } from '../../model/og-kinds.ts';

/**
 * Draws the link-preview pictures (src/model/og-kinds.ts) when the build is done: an SVG per kind
 * and size, with the campaign's name and the kind's name in the system's CJK font (no web font),
 * turned into PNG by sharp (libvips, the image library Astro's image service already uses). A
 * picture costs about a tenth of a second to draw, so each is kept in the build cache by the digest
 * of its SVG and of the code that draws it: a build whose campaign name is unchanged copies them.
 * The step's time is printed with the build's (and so counted by `npm run bench`).
 *
 * A worker's portrait, and the first photo of a news item's or a story's text, become that page's
 * own pictures in the same two sizes (ownOgImagePath): cropped by sharp to the part that draws the
 * eye (its "attention" strategy: a face rather than a wall), as JPEG without any of the photo's
 * metadata (sharp writes none unless asked), and kept in the cache by the digest of the photo's bytes.
 */
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const FONT = "'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei',sans-serif";

export function ogSvg(kind: OgKind, size: { width: number; height: number }, campaign: string, demo: boolean): string {
  const { width: w, height: h } = size;
  const wide = w > h;
  // The campaign's name on up to two lines of at most 16 characters (it is written by editors).
  const chars = [...campaign];
  const lines = [chars.slice(0, 16).join(''), chars.slice(16, 32).join('')].filter(Boolean);
  const small = wide ? 40 : 30;
  const big = wide ? 120 : 84;
  const lineY = (i: number) => (wide ? 120 : 90) + i * small * 1.35;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<rect width="${w}" height="${h}" fill="#064d29"/>
<rect y="${h - 18}" width="${w}" height="18" fill="#c00000"/>
<g font-family="${FONT}" fill="#fff" text-anchor="middle">
${lines.map((line, i) => `<text x="${w / 2}" y="${lineY(i)}" font-size="${small}">${escape(line)}</text>`).join('\n')}
<text x="${w / 2}" y="${h / 2 + big * 0.55}" font-size="${big}" font-weight="700">${escape(kind.label)}</text>
<text x="${w / 2}" y="${h - (wide ? 80 : 64)}" font-size="${small * 0.8}" opacity="0.92">比管理 · 比创新 · 比建功 · 降能耗 · 降排放</text>
</g>
${demo ? `<g font-family="${FONT}"><rect x="24" y="24" width="${small * 2.6}" height="${small * 1.5}" rx="8" fill="#fff4ce"/><text x="${24 + small * 1.3}" y="${24 + small * 1.08}" font-size="${small}" font-weight="700" fill="#3d2e00" text-anchor="middle">示例</text></g>` : ''}
</svg>`;
}

export default function ogImages(): AstroIntegration {
  return {
    name: 'portal-og-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { contentRoot, demo } = config();
        const site = loadSite(contentRoot, buildTime());
        const { current } = site;
        const campaign = `${current.year}年${current.campaign.title}`;
        const version = codeVersion(['src/astro/integrations/og-images.ts', 'src/model/og-kinds.ts'], ['sharp']);
        const cache = path.join(buildCacheDir(contentRoot), 'og-images');
        fs.mkdirSync(cache, { recursive: true });
        let drawn = 0;
        const pictures = OG_KINDS.flatMap((kind) => OG_SIZES.map((size) => ({ kind, size })));
        // Drawn side by side: sharp works in its own threads.
        await Promise.all(
          pictures.map(async ({ kind, size }) => {
            const svg = ogSvg(kind, size, campaign, demo);
            const kept = path.join(cache, `${digest(`${version}\0${svg}`)}.png`);
            if (!fs.existsSync(kept)) {
              const partial = `${kept}.${process.pid}.tmp`;
              await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true, effort: 1 }).toFile(partial);
              fs.renameSync(partial, kept);
              drawn++;
            }
            const target = new URL(`.${ogImagePath(kind, size)}`, dir);
            fs.mkdirSync(new URL('.', target), { recursive: true });
            fs.copyFileSync(kept, target);
          }),
        );
        const own = ownPhotos(contentRoot, site.content);
        await Promise.all(
          own.flatMap(({ kind, id, photo }) =>
            OG_SIZES.map(async (size) => {
              const bytes = fs.readFileSync(photo);
              const kept = path.join(cache, `${digest(`${version}\0${size.width}x${size.height}\0${digest(bytes)}`)}.jpg`);
              if (!fs.existsSync(kept)) {
                const partial = `${kept}.${process.pid}.tmp`;
                await sharp(bytes).rotate().resize(size.width, size.height, { fit: 'cover', position: sharp.strategy.attention }).jpeg({ quality: 82, mozjpeg: true }).toFile(partial);
                fs.renameSync(partial, kept);
                drawn++;
              }
              const target = new URL(`.${ownOgImagePath(kind, id, size)}`, dir);
              fs.mkdirSync(new URL('.', target), { recursive: true });
              fs.copyFileSync(kept, target);
            }),
          ),
        );
        const total = pictures.length + own.length * OG_SIZES.length;
        logger.info(`链接预览图：${total} 张，其中新画 ${drawn} 张，用时 ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

interface Entry {
  id: string;
  /** Relative to the content root. */
  file: string;
  data: object;
}

/**
 * The published pages that have a photo of their own, with the photo's file: a worker's `photo`, the
 * first photo in a news item's or a story's text (the same rule as the pages', firstPhoto). The
 * content checks have already made sure each is a picture inside the content root.
 */
export function ownPhotos(root: string, content: Record<OwnOgKind, readonly Entry[]>): { kind: OwnOgKind; id: string; photo: string }[] {
  const besideFile = (entry: Entry, relative: string) => path.resolve(root, path.dirname(entry.file), decodeURI(relative));
  return [
    ...content.workers.flatMap((w) => ('photo' in w.data && typeof w.data.photo === 'string' ? [{ kind: 'workers' as const, id: w.id, photo: besideFile(w, w.data.photo) }] : [])),
    ...(['news', 'stories'] as const).flatMap((kind) =>
      content[kind].flatMap((entry) => {
        const text = fs.readFileSync(path.join(root, entry.file), 'utf8');
        const photo = firstPhoto(text.replace(FRONTMATTER_BLOCK, ''));
        return photo ? [{ kind, id: entry.id, photo: besideFile(entry, photo) }] : [];
      }),
    ),
  ];
}
