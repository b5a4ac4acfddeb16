import type { LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';

/**
 * Astro's sharp image service, failing closed: where Astro's own service gives back the picture
 * as the editor uploaded it (sharp could not process it, or an SVG asked for as SVG), with every
 * byte of metadata it holds and under a .webp name, this one stops the build. `npm run validate`
 * refuses such pictures first (src/input/uploads/image.ts), with the file, its size and the limit.
 */
const service: LocalImageService = {
  ...sharpService,
  async transform(inputBuffer, transform, config, logger) {
    const refused = (cause?: unknown) => new Error(`图片“${String(transform.src)}”无法处理，网站不发布原图：请运行 npm run validate 查看原因`, { cause });
    let result: Awaited<ReturnType<typeof sharpService.transform>>;
    try {
      result = await sharpService.transform(inputBuffer, transform, config, logger);
    } catch (error) {
      throw refused(error);
    }
    if (result.data === inputBuffer || Buffer.from(result.data).equals(Buffer.from(inputBuffer))) throw refused();
    return result;
  },
};

export default service;
