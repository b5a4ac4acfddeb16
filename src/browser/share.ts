/**
 * The share control's dialog, fetched on the first click of 分享本页 (src/components/ShareControl.astro,
 * loaded by the early script's SHARE_LOADER_SCRIPT): 复制链接 (announced to screen readers), the
 * page's QR code, large enough to scan from a computer screen, 保存分享图 (a picture drawn on a
 * canvas: the portal's name, the page's title, its date or key figure and the QR code, for a phone to
 * save by a long press and send in WeChat) and the browser's own share sheet where it has one.
 *
 * The QR code is made here by node-qrcode through src/model/qr.ts, the same library and function
 * that draw the printed page's code at build time. Copying and the share sheet run inside a click
 * on the dialog's own buttons, as browsers (Safari, WeChat's) allow them only in a reader's gesture.
 *
 * A native <dialog> opened with showModal(): focus moves into it and stays there, Escape closes it,
 * and focus returns to the share button. Under the site's CSP: no inline script or <style> element
 * (the dialog's CSS comes with this module, as a constructed style sheet, which the CSP's style-src
 * does not govern), and the picture is a data: image (img-src allows data:).
 */
import dialogStyles from '../styles/share-dialog.css?raw';
import { QUIET_ZONE, qrViewBox, type QrCode } from '../model/qr-shape.ts';
import { qrCode } from '../model/qr.ts';
import { wrapText } from './wrap-text.ts';

interface Page {
  url: string;
  title: string;
  site: string;
  fact?: string;
  /** Only where the build knew the public address (PORTAL_SITE). */
  qr?: QrCode;
}

function pageOf(button: HTMLElement): Page {
  const { shareTitle, shareSite, shareFact, shareQr } = button.dataset;
  const url = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;
  return { url, title: shareTitle ?? document.title, site: shareSite ?? '', fact: shareFact || undefined, qr: shareQr === undefined ? undefined : qrCode(url) };
}

const SVG = 'http://www.w3.org/2000/svg';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

function svg(tag: string, attributes: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
  return el;
}

/** The QR code as the printed page draws it (QrImage.astro): a white quiet zone, runs of dark modules. */
function qrImage(qr: QrCode, label: string): SVGElement {
  const image = svg('svg', { viewBox: qrViewBox(qr), role: 'img', 'aria-label': label, class: 'qr share-dialog-qr', 'shape-rendering': 'crispEdges' });
  const side = qr.size + 2 * QUIET_ZONE;
  image.append(svg('rect', { x: -QUIET_ZONE, y: -QUIET_ZONE, width: side, height: side, fill: '#fff' }), svg('path', { d: qr.path, stroke: '#000', fill: 'none' }));
  return image;
}

const button = (text: string, onClick: () => void, className = 'share-dialog-action') => {
  const b = element('button', { type: 'button', className, textContent: text });
  b.addEventListener('click', onClick);
  return b;
};

let dialog: HTMLDialogElement | undefined;
let styled = false;

function showDialog(title: string, opener: HTMLElement, ...body: Node[]): HTMLDialogElement {
  if (!styled) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(dialogStyles);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    styled = true;
  }
  if (dialog) {
    dialog.dataset.replaced = '1'; // closed to make way for another: focus stays in the new one
    dialog.close();
  }
  const heading = element('h2', { id: 'share-dialog-title', textContent: title });
  const close = button('关闭', () => current.close(), 'share-dialog-close');
  const current = element('dialog', { className: 'share-dialog' }, heading, ...body, close);
  current.setAttribute('aria-labelledby', heading.id);
  // A click on the backdrop (outside the dialog's box) closes it too, as a phone reader expects.
  current.addEventListener('click', (event) => event.target === current && current.close());
  current.addEventListener('close', () => {
    if (!current.dataset.replaced) opener.focus();
    current.remove();
    if (dialog === current) dialog = undefined;
  });
  dialog = current;
  document.body.append(current);
  current.showModal();
  close.focus();
  return current;
}

/** The address in a field of its own, selected on focus: copied by hand where the clipboard is out of reach. */
function addressField(url: string): HTMLInputElement {
  const input = element('input', { type: 'text', readOnly: true, value: url, className: 'share-dialog-address' });
  input.setAttribute('aria-label', '本页网址');
  input.addEventListener('focus', () => input.select());
  return input;
}

function openShare(opener: HTMLElement): void {
  const page = pageOf(opener);
  const address = addressField(page.url);
  const status = element('p', { className: 'visually-hidden' });
  status.setAttribute('role', 'status');
  status.dataset.shareStatus = '';
  const say = (text: string) => {
    // Cleared first, so that the same message is heard again on a second click.
    status.textContent = '';
    setTimeout(() => (status.textContent = text), 50);
  };
  const copy = button('复制链接', () => {
    // No clipboard in an insecure context or an old in-app browser: the address is selected to copy by hand.
    (navigator.clipboard?.writeText(page.url) ?? Promise.reject())
      .then(() => say('已复制本页链接'))
      .catch(() => {
        say('无法自动复制，请长按或选中网址手动复制');
        address.focus();
      });
  });
  const actions = element('div', { className: 'share-dialog-actions' }, copy);
  if (page.qr) actions.append(button('保存分享图', () => openPicture(page, opener)));
  if (typeof navigator.share === 'function') actions.append(button('分享到…', () => void navigator.share({ title: document.title, url: page.url }).catch(() => {})));
  const code = page.qr
    ? [qrImage(page.qr, `本页网址的二维码：${page.url}`), element('p', { textContent: '用手机微信或浏览器扫一扫，打开本页。' })]
    : [element('p', { textContent: '生成网站时未设置网站地址（PORTAL_SITE），本页不提供二维码。' })];
  showDialog('分享本页', opener, ...code, address, actions, status);
}

function openPicture(page: Page, opener: HTMLElement): void {
  const src = drawPicture(page);
  const image = element('img', { src, alt: `分享图：${page.title}`, className: 'share-dialog-picture' });
  const save = element('a', { href: src, download: `分享图-${page.title.slice(0, 20)}.png`, className: 'share-dialog-save', textContent: '保存图片' });
  showDialog('分享图', opener, image, element('p', { textContent: '手机上长按图片，可保存或发送给朋友；电脑上点“保存图片”。' }), save);
}

/** Colours of the picture: the site's dark green and ink on white, whatever the reading mode. */
const GREEN = '#064d29';
const INK = '#1a1a1a';
const MUTED = '#4a4a4a';
const WIDTH = 750; // the width phones' share pictures are commonly drawn at: sharp on a phone screen
const PAD = 56;

/**
 * The share picture as a PNG data: address. Sizes are chosen for a phone: shown 360 px wide, the
 * title's 48 px is a 23 px line and the smallest text, 24 px, an 11.5 px one.
 */
export function drawPicture(page: Page): string {
  const canvas = document.createElement('canvas');
  const g = canvas.getContext('2d');
  if (!g) throw new Error('canvas 2d unavailable');
  const family = getComputedStyle(document.body).fontFamily;
  const font = (size: number, bold = false) => `${bold ? '700 ' : ''}${size}px ${family}`;
  const textWidth = WIDTH - 2 * PAD;
  const linesOf = (text: string, size: number, bold: boolean, max: number) => {
    g.font = font(size, bold);
    return wrapText(text, textWidth, (s) => g.measureText(s).width, max);
  };

  const siteLines = linesOf(page.site, 30, true, 2);
  const titleLines = linesOf(page.title, 48, true, 5);
  const factLines = page.fact ? linesOf(page.fact, 30, false, 2) : [];
  const urlLines = linesOf(page.url, 24, false, 3);
  const path = page.qr?.path;
  const modules = (page.qr?.size ?? 0) + 2 * QUIET_ZONE;
  // Whole pixels a module, so that no seam shows between the rows of the code.
  const cell = Math.floor(340 / modules);
  const qrSide = cell * modules;

  const band = 48 + siteLines.length * 42;
  const height = band + 56 + titleLines.length * 68 + (factLines.length ? 16 + factLines.length * 44 : 0) + 48 + qrSide + 24 + 40 + 12 + urlLines.length * 34 + 48;
  canvas.width = WIDTH;
  canvas.height = height;

  g.fillStyle = '#fff';
  g.fillRect(0, 0, WIDTH, height);
  g.fillStyle = GREEN;
  g.fillRect(0, 0, WIDTH, band);
  g.textBaseline = 'top';
  let y = 28;
  g.fillStyle = '#fff';
  g.font = font(30, true);
  for (const line of siteLines) (g.fillText(line, PAD, y), (y += 42));

  y = band + 56;
  g.fillStyle = INK;
  g.font = font(48, true);
  for (const line of titleLines) (g.fillText(line, PAD, y), (y += 68));
  if (factLines.length) {
    y += 16;
    g.fillStyle = MUTED;
    g.font = font(30);
    for (const line of factLines) (g.fillText(line, PAD, y), (y += 44));
  }

  y += 48;
  const left = (WIDTH - qrSide) / 2;
  if (path) {
    g.save();
    g.translate(left + QUIET_ZONE * cell, y + QUIET_ZONE * cell);
    g.scale(cell, cell);
    g.strokeStyle = '#000';
    g.lineWidth = 1;
    g.stroke(new Path2D(path));
    g.restore();
  }
  y += qrSide + 24;
  g.fillStyle = INK;
  g.font = font(30, true);
  g.textAlign = 'center';
  g.fillText('长按识别或扫描二维码，打开本页', WIDTH / 2, y);
  y += 52;
  g.fillStyle = MUTED;
  g.font = font(24);
  for (const line of urlLines) (g.fillText(line, WIDTH / 2, y), (y += 34));
  return canvas.toDataURL('image/png');
}

// Loaded by the first click on the share button (the early script's loader): that click opens the
// dialog, and the button's later clicks are answered here.
const opener = document.querySelector<HTMLElement>('[data-share]');
if (opener) {
  opener.addEventListener('click', () => openShare(opener));
  openShare(opener);
}
