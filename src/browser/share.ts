/**
 * The share control's dialogs, fetched on the first click of 二维码 or 保存分享图 (see
 * share-start.ts): the page's QR code, large enough to scan from a computer screen, and the share
 * picture (分享图) drawn on a canvas: the portal's name, the page's title, its date or key figure
 * and the QR code, for a phone to save (long press) and send in WeChat. The QR code is the one the
 * build drew for the page (the path of #page-qr, made by node-qrcode from the canonical address):
 * no QR library is sent to the browser.
 *
 * A native <dialog> opened with showModal(): focus moves into it and stays there, Escape closes it,
 * and focus returns to the button that opened it. Under the site's CSP: no inline script or
 * <style> element (the dialog's CSS comes with this module, as a constructed style sheet, which the
 * CSP's style-src does not govern), and the picture is a data: image (img-src allows data:).
 * (Imported as a CSS file, the module would need Vite's preload helper on every page's first load.)
 */
import dialogStyles from '../styles/share-dialog.css?raw';
import { QR_PATH_ID, QUIET_ZONE } from '../model/qr-shape.ts';
import { wrapText } from './wrap-text.ts';
import { SHARE_OPEN, type ShareOpen } from './share-event.ts';

interface Page {
  url: string;
  title: string;
  site: string;
  fact?: string;
}

const pageOf = (root: HTMLElement): Page => ({
  url: root.dataset.shareUrl ?? location.href,
  title: root.dataset.shareTitle ?? document.title,
  site: root.dataset.shareSite ?? '',
  fact: root.dataset.shareFact || undefined,
});

const SVG = 'http://www.w3.org/2000/svg';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

/** A copy of the page's QR code (the drawn path is referenced, not repeated). */
function qrImage(label: string): SVGSVGElement | undefined {
  const path = document.getElementById(QR_PATH_ID);
  const svg = path?.closest('svg');
  if (!svg) return undefined;
  const copy = document.createElementNS(SVG, 'svg');
  copy.setAttribute('viewBox', svg.getAttribute('viewBox') ?? '');
  copy.setAttribute('role', 'img');
  copy.setAttribute('aria-label', label);
  copy.setAttribute('class', 'qr share-dialog-qr');
  copy.setAttribute('shape-rendering', 'crispEdges');
  const rect = svg.querySelector('rect')?.cloneNode();
  const use = document.createElementNS(SVG, 'use');
  use.setAttribute('href', `#${QR_PATH_ID}`);
  if (rect) copy.append(rect);
  copy.append(use);
  return copy;
}

/** The address in a field of its own, selected on focus: copied by hand where the clipboard is out of reach. */
function addressField(url: string): HTMLElement {
  const input = element('input', { type: 'text', readOnly: true, value: url, className: 'share-dialog-address' });
  input.setAttribute('aria-label', '本页网址');
  input.addEventListener('focus', () => input.select());
  return input;
}

let dialog: HTMLDialogElement | undefined;
let styled = false;

function showDialog(title: string, opener: HTMLElement, ...body: Node[]): HTMLDialogElement {
  if (!styled) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(dialogStyles);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    styled = true;
  }
  dialog?.remove();
  const heading = element('h2', { id: 'share-dialog-title', textContent: title });
  const close = element('button', { type: 'button', className: 'share-dialog-close', textContent: '关闭' });
  close.addEventListener('click', () => dialog?.close());
  dialog = element('dialog', { className: 'share-dialog' }, heading, ...body, close);
  dialog.setAttribute('aria-labelledby', heading.id);
  // A click on the backdrop (outside the dialog's box) closes it too, as a phone reader expects.
  dialog.addEventListener('click', (event) => event.target === dialog && dialog.close());
  dialog.addEventListener('close', () => {
    opener.focus();
    dialog?.remove();
    dialog = undefined;
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  return dialog;
}

function openDialog(action: string, root: HTMLElement, opener: HTMLElement): void {
  const page = pageOf(root);
  if (action === 'qr') {
    const qr = qrImage(`本页网址的二维码：${page.url}`);
    showDialog('本页二维码', opener, ...(qr ? [qr] : []), element('p', { textContent: '用手机微信或浏览器扫一扫，打开本页。' }), addressField(page.url));
  } else if (action === 'picture') {
    const src = drawPicture(page);
    const image = element('img', { src, alt: `分享图：${page.title}`, className: 'share-dialog-picture' });
    const save = element('a', { href: src, download: `分享图-${page.title.slice(0, 20)}.png`, className: 'share-dialog-save', textContent: '保存图片' });
    showDialog('分享图', opener, image, element('p', { textContent: '手机上长按图片，可保存或发送给朋友；电脑上点“保存图片”。' }), save);
  } else if (action === 'address') {
    showDialog('复制本页网址', opener, element('p', { textContent: '长按或选中下面的网址复制：' }), addressField(page.url));
  }
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
  const path = document.getElementById(QR_PATH_ID)?.getAttribute('d');
  const modules = Number(document.getElementById(QR_PATH_ID)?.closest('svg')?.getAttribute('viewBox')?.split(' ')[2]);
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

// Loaded by share-start.ts, which then asks for each dialog by this event.
const control = document.querySelector<HTMLElement>('[data-share]');
control?.addEventListener(SHARE_OPEN, (event) => {
  const { action, opener } = (event as CustomEvent<ShareOpen>).detail;
  openDialog(action, control, opener);
});
