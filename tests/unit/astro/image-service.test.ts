import fs from 'node:fs';
import path from 'node:path';
import sharpService from 'astro/assets/services/sharp';
import { describe, expect, it } from 'vitest';
import service from '../../../src/astro/image-service.ts';
import { imageMetadata, MAX_IMAGE_PIXELS } from '../../../src/input/uploads/image.ts';

/** The build's image step never publishes a picture as uploaded: it cleans it, or stops. */
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const config = { service: { entrypoint: './src/astro/image-service.ts', config: { limitInputPixels: MAX_IMAGE_PIXELS } } } as never;
const warnings: string[] = [];
const logger = { warn: (m: string) => warnings.push(m), info: () => {}, error: () => {}, debug: () => {} } as never;
const transform = (bytes: Buffer, src: string) => service.transform(new Uint8Array(bytes), { src, format: 'webp', width: 200 } as never, config, logger);

describe('the image step fails closed', () => {
  it('cleans a photo with GPS and its owner’s name', async () => {
    const result = await transform(fs.readFileSync(path.join(FIXTURES, 'files-jpeg-gps/files/a-one-photo.jpg')), 'wang-wu.jpg');
    expect(result.format).toBe('webp');
    expect(await imageMetadata(Buffer.from(result.data))).toEqual([]);
  });

  it('stops on a decompression bomb and on a header claiming 16500 × 16500, where Astro’s own service gives back the original', async () => {
    for (const file of ['worker-photo-bomb/content/workers/photos/wang-wu.png', 'worker-photo-false-size/content/workers/photos/wang-wu.jpg']) {
      await expect(transform(fs.readFileSync(path.join(FIXTURES, file)), file), file).rejects.toThrow(/无法处理，网站不发布原图/);
    }
    // What this guards against: Astro's own service hands the bomb back as it came.
    const bomb = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'worker-photo-bomb/content/workers/photos/wang-wu.png')));
    const astros = await sharpService.transform(bomb, { src: 'wang-wu.png', format: 'webp', width: 200 } as never, config, logger);
    expect(Buffer.from(astros.data).equals(Buffer.from(bomb))).toBe(true);
  });
});
