/**
 * The 适老化 reading modes, shared by the page script (src/components/ReadingModes.astro) and
 * its unit test: which modes exist, the class each puts on <html>, how they are remembered and
 * what a screen reader hears when one is switched.
 */
export const MODES = {
  large: { className: 'mode-large', label: '大字模式' },
  contrast: { className: 'mode-contrast', label: '高对比度模式' },
} as const;

export type ModeName = keyof typeof MODES;
export type Modes = Record<ModeName, boolean>;

export const STORAGE_KEY = 'jz-portal-reading-modes';

const OFF: Modes = { large: false, contrast: false };

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** The remembered modes; anything unreadable counts as the default look. */
export function readModes(store: Store | undefined): Modes {
  try {
    const saved: unknown = JSON.parse(store?.getItem(STORAGE_KEY) ?? '{}');
    if (typeof saved !== 'object' || saved === null) return { ...OFF };
    const record = saved as Record<string, unknown>;
    return { large: record.large === true, contrast: record.contrast === true };
  } catch {
    return { ...OFF };
  }
}

export function writeModes(store: Store | undefined, modes: Modes): void {
  try {
    store?.setItem(STORAGE_KEY, JSON.stringify(modes));
  } catch {
    // Full or blocked storage: the mode applies to this page only.
  }
}

/** What the live region says after a switch, e.g. "已开启大字模式". */
export function announcement(mode: ModeName, on: boolean): string {
  return `${on ? '已开启' : '已关闭'}${MODES[mode].label}`;
}

/**
 * The part of the early script in <head> (src/browser/early-script.ts) that puts the remembered
 * modes' classes on <html> before the page is first drawn, so a reader who chose large text never
 * sees the small look flash by on a slow network (the module script that runs the switch only runs
 * once the page is parsed).
 */
export const REMEMBERED_MODES_SCRIPT = `try{var m=JSON.parse(localStorage.getItem(${JSON.stringify(STORAGE_KEY)})||"{}");${Object.entries(MODES)
  .map(([name, { className }]) => `if(m&&m.${name}===true)document.documentElement.classList.add(${JSON.stringify(className)});`)
  .join('')}}catch(e){}`;
