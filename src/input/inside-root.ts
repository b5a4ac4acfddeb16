import { type ContentRoot, joinPath, leavesRoot } from './content-root.ts';

/**
 * Where a picture named in a Markdown file (a worker's photo, an image in the text) really is:
 * inside the content root, reached without passing a shortcut (symbolic link), or not. The build
 * reads pictures from the editors' computer; this keeps it to the editors' own folder.
 */
export type Placement = 'inside' | 'outside' | 'through-link' | 'missing';

/**
 * dir: the folder of the file that names it, relative to the root; within: a folder the target must
 * be in ("files" for a link to /files/…), else anywhere in the root.
 */
export function placeOf(root: ContentRoot, dir: string, target: string, within = ''): Placement {
  if (target.startsWith('/') || leavesRoot(`${dir}/${target}`)) return 'outside';
  const relative = joinPath(dir, target);
  if (relative === '' || (within && !relative.startsWith(`${within}/`))) return 'outside';
  // Each step from the root down, so a linked folder on the way counts as well as a linked file.
  const parts = relative.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const stat = root.stat(parts.slice(0, i).join('/'));
    if (!stat) return 'missing';
    if (stat.kind === 'link') return 'through-link';
  }
  return 'inside';
}

/** What to tell the editor about a picture that is not usable; undefined when it is. */
export function pictureProblem(placement: Placement, named: string, missingHint: string): { message: string; hint: string } | undefined {
  switch (placement) {
    case 'inside':
      return undefined;
    case 'missing':
      return { message: `${named}不存在`, hint: missingHint };
    case 'outside':
      return {
        message: `${named}在内容目录之外，网站不能使用`,
        hint: '图片要放在内容目录里，通常放进本文件旁边的 images/ 或 photos/ 文件夹，路径写成 ./photos/zhang-san.jpg 这样，不要用“../”跳出内容目录',
      };
    case 'through-link':
      return {
        message: `${named}是快捷方式（符号链接），或在快捷方式指向的文件夹里，网站不能使用`,
        hint: '删除快捷方式，把图片本身复制到本文件旁边的 images/ 或 photos/ 文件夹里',
      };
  }
}
