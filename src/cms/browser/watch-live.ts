import { checkLive, describe, type Host } from '../live-status.ts';
import { showNotice } from './notice.ts';
import { signedInToken } from './signed-in.ts';

/**
 * After a save, looks every few seconds whether the site was rebuilt with it (live-status.ts) and
 * says so at the bottom of the window, until it is live or has failed (or half an hour passed).
 * The token is the one the editor signed in with (Sveltia keeps it in this browser), so a private
 * repository's runs can be read; a public one's are read without it.
 */
export interface LiveWatch extends Host {
  /** Milliseconds between looks (the tests' simulated host answers at once). */
  every?: number;
}

let current = 0;

export function watchLive(watch: LiveWatch, page?: string): void {
  const id = ++current; // a newer save's watch replaces this one
  const host = { ...watch, token: watch.token ?? signedInToken() };
  const every = watch.every ?? 10_000;
  const until = Date.now() + 30 * 60_000;
  const look = async () => {
    if (id !== current) return;
    const state = await checkLive((url, init) => fetch(url, init), host, location.origin);
    if (id !== current) return;
    const { title, lines, tone } = describe(state, host.kind);
    const links = [
      ...lines.map((text) => ({ text })),
      ...('run' in state && state.run ? [{ text: '运行记录：', href: state.run, link: '打开' }] : []),
      ...(state.state === 'live' && page ? [{ text: '在网站上看：', href: page, link: page }] : []),
    ];
    showNotice(title, links, tone);
    if (state.state === 'live' || state.state === 'failed' || Date.now() > until) return;
    setTimeout(() => void look(), every);
  };
  void look();
}
