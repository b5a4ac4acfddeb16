/** How the share control's page script asks its dialogs' module (loaded later) to open one. */
export const SHARE_OPEN = 'share-open';

export interface ShareOpen {
  /** qr, picture or address */
  action: string;
  /** The button clicked: focus returns there when the dialog closes. */
  opener: HTMLElement;
}
