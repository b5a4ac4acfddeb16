/**
 * The share control's script on every page (src/components/ShareControl.astro): kept to a few
 * hundred bytes. Copying the address and the system share sheet run here, inside the click, as
 * browsers (Safari, WeChat's) allow them only while handling the reader's gesture; the QR dialog and
 * the share picture are fetched on their first click (src/browser/share.ts).
 *
 * That module is bundled on its own by Vite's worker pipeline (`?worker&url`: one self-contained
 * ES module, and only its address here) and added as a module script when first needed. A dynamic
 * import() would do the same, but Vite then puts its preload helper (0.9 KB gzip) on every page.
 * The two talk by an event on the control: SHARE_OPEN, with the action and the button.
 */
import dialogs from './share.ts?worker&url';
import { SHARE_OPEN, type ShareOpen } from './share-event.ts';

export function startShare(): void {
  const root = document.querySelector<HTMLElement>('[data-share]');
  if (!root) return;
  const url = root.dataset.shareUrl ?? location.href;
  const status = root.querySelector<HTMLElement>('[data-share-status]');
  const say = (text: string) => {
    if (!status) return;
    // Cleared first, so that the same message is heard again on a second click.
    status.textContent = '';
    setTimeout(() => (status.textContent = text), 50);
  };
  const system = root.querySelector<HTMLButtonElement>('[data-share-action="system"]');
  if (system && typeof navigator.share === 'function') system.hidden = false;

  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-share-action]');
    const action = button?.dataset.shareAction;
    if (!button || !action) return;
    if (action === 'copy') {
      // No clipboard in an insecure context or an old in-app browser: the address is shown to copy by hand.
      (navigator.clipboard?.writeText(url) ?? Promise.reject())
        .then(() => say('已复制本页链接'))
        .catch(() => {
          say('无法自动复制，请手动复制网址');
          open('address', root, button);
        });
    } else if (action === 'system') {
      navigator.share({ title: document.title, url }).catch(() => {});
    } else {
      open(action, root, button);
    }
  });
}

let loading: Promise<unknown> | undefined;

function open(action: string, root: HTMLElement, opener: HTMLElement): void {
  loading ??= new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { type: 'module', src: dialogs });
    script.addEventListener('load', resolve);
    script.addEventListener('error', reject);
    document.head.append(script);
  });
  loading.then(
    () => root.dispatchEvent(new CustomEvent<ShareOpen>(SHARE_OPEN, { detail: { action, opener } })),
    () => (loading = undefined), // offline: the next click tries again
  );
}
