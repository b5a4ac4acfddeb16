/**
 * Pictures editors upload (workers' photos, pictures in articles, images under files/), read with
 * sharp (libvips, the library Astro's image step uses): a picture is published only when it can be
 * decoded to its last pixel, within MAX_IMAGE_PIXELS, so a decompression bomb or a header that
 * claims a size the file does not hold stops the check instead of reaching the image step.
 */
import sharp from 'sharp';
import type { Finding } from './pdf.ts';

/**
 * 40 megapixels: a 7,728 × 5,152 photo, more than any phone or office camera takes (a 108 MP phone
 * mode aside), and about 160 MB of memory to decode; the web pages show at most a few hundred pixels.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** The kinds of picture the image step takes, as sharp names them. */
export const IMAGE_FORMATS: Record<string, string> = { jpeg: 'JPG', png: 'PNG', webp: 'WebP', gif: 'GIF', avif: 'AVIF', tiff: 'TIFF' };

const megapixels = (pixels: number) => `${Math.round(pixels / 10_000)} 万像素`;
const RESAVE = '用画图、WPS 图片或手机相册打开，“另存为” JPG 或 PNG（宽、高各不超过 4000 像素即可）后替换原文件';

/**
 * The picture's problem, or its kind ("jpeg", "png" …) when it decodes fully within the limit.
 * `expected`: the kinds its name allows; a picture of another kind (a PNG named .jpg) is refused.
 */
export async function imageFindings(bytes: Uint8Array, expected?: readonly string[]): Promise<{ format: string } | { finding: Finding }> {
  let format: string | undefined;
  let width = 0;
  let height = 0;
  try {
    // The header only: no pixel is decoded yet, so the size can be judged before any memory is spent.
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    ({ format, width, height } = meta as { format?: string; width: number; height: number });
    // Every frame of an animation counts.
    height = (meta.pageHeight ?? height) * (meta.pages ?? 1);
  } catch {
    return { finding: { message: '无法按图片读取（文件损坏，或不是图片）', hint: RESAVE } };
  }
  if (!format || !IMAGE_FORMATS[format]) return { finding: { message: `这不是网站能用的图片格式（${format ?? '未知'}）`, hint: RESAVE } };
  if (expected && !expected.includes(format)) {
    return { finding: { message: `文件的扩展名与内容不符：内容是 ${IMAGE_FORMATS[format]} 图片`, hint: `把扩展名改成与内容相符的，或${RESAVE}` } };
  }
  if (width * height > MAX_IMAGE_PIXELS) {
    return {
      finding: {
        message: `图片有 ${width} × ${height} 像素（${megapixels(width * height)}），超过了 ${megapixels(MAX_IMAGE_PIXELS)}的上限`,
        hint: `把图片缩小后再放进来：${RESAVE}`,
      },
    };
  }
  try {
    // Every pixel, without keeping them: a file cut short of the size its header declares fails here
    // (libjpeg reports missing data only as a warning: any warning fails, as a damaged file should).
    await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'warning', pages: -1 }).stats();
  } catch {
    return {
      finding: {
        message: `图片声明有 ${width} × ${height} 像素，但无法完整读取（文件里的图像数据不足或已损坏）`,
        hint: RESAVE,
      },
    };
  }
  return { format };
}

/**
 * The picture as published from files/: decoded and encoded again in its own format, turned as
 * its camera said (EXIF orientation), without any of its metadata (EXIF, GPS, XMP, IPTC, comments,
 * PNG text chunks): sharp keeps none unless asked. Only for pictures imageFindings accepted.
 */
export async function cleanImage(bytes: Uint8Array): Promise<Buffer> {
  const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'warning' }).rotate();
  const { format } = await image.metadata();
  if (format === 'jpeg') return image.jpeg({ quality: 90 }).toBuffer();
  if (format === 'png') return image.png({ compressionLevel: 9 }).toBuffer();
  if (format === 'webp') return image.webp({ quality: 90 }).toBuffer();
  throw new Error(`cleanImage: ${format} is not a kind files/ accepts`);
}

/** What of a published picture is more than its pixels: each kind of metadata it still carries. */
export async function imageMetadata(bytes: Uint8Array): Promise<string[]> {
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  const found: string[] = [];
  if (meta.exif) found.push('EXIF');
  if (meta.xmp || meta.xmpAsString) found.push('XMP');
  if (meta.iptc) found.push('IPTC');
  if (meta.comments?.length) found.push('文字块');
  return found;
}
