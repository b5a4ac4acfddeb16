/**
 * A message of the portal's own above the CMS (Sveltia's toasts say only "条目已保存"): what a save
 * means for the site. One box at the bottom of the window, announced to screen readers, closed by
 * its button; a later message replaces it.
 */
const ID = 'portal-notice';

export interface NoticeLine {
  text: string;
  /** An address on the site the line names (the entry's page, the build's run). */
  href?: string;
  link?: string;
}

export interface NoticeAction {
  label: string;
  run(): void;
}

export function showNotice(title: string, lines: readonly NoticeLine[] = [], tone: 'info' | 'ok' | 'error' = 'info', action?: NoticeAction): HTMLElement {
  let box = document.getElementById(ID);
  if (!box) {
    box = document.createElement('section');
    box.id = ID;
    box.setAttribute('role', 'status');
    box.setAttribute('aria-live', 'polite');
    Object.assign(box.style, {
      // Centred at the bottom, as wide as its text up to 40rem: on a phone the whole width, low enough
      // to leave the sign-in button free.
      position: 'fixed', left: '0', right: '0', bottom: '0.5rem', margin: '0 auto', width: 'fit-content', zIndex: '2147483000',
      maxWidth: 'min(40rem, calc(100vw - 1rem))', boxSizing: 'border-box', padding: '0.5rem 2.75rem 0.5rem 1rem', borderRadius: '8px',
      font: '15px/1.6 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
      boxShadow: '0 4px 16px rgb(0 0 0 / 25%)',
    });
    document.body.append(box);
  }
  const colours = { info: ['#fff8e1', '#5d4300'], ok: ['#e8f5e9', '#1b4d20'], error: ['#fdecea', '#7a1c12'] }[tone];
  box.style.background = colours[0]!;
  box.style.color = colours[1]!;
  box.dataset.tone = tone;
  box.replaceChildren();
  const heading = document.createElement('strong');
  heading.textContent = title;
  box.append(heading);
  for (const line of lines) {
    const p = document.createElement('p');
    p.style.margin = '0.25rem 0 0';
    p.textContent = line.text;
    if (line.href) {
      const a = document.createElement('a');
      a.href = line.href;
      a.target = '_blank';
      a.rel = 'noopener';
      a.textContent = line.link ?? line.href;
      a.style.color = 'inherit';
      p.append(' ', a);
    }
    box.append(p);
  }
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = action.label;
    Object.assign(button.style, { marginTop: '0.5rem', font: 'inherit', padding: '0.25rem 0.75rem', minHeight: '44px', cursor: 'pointer' });
    button.addEventListener('click', () => action.run());
    box.append(button);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', '关闭提示');
  Object.assign(close.style, { position: 'absolute', top: '0.25rem', right: '0.5rem', font: 'inherit', fontSize: '1.4rem', background: 'none', border: '0', color: 'inherit', cursor: 'pointer', minWidth: '44px', minHeight: '44px' });
  close.addEventListener('click', () => box!.remove());
  box.append(close);
  return box;
}
