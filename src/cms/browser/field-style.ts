import css from './fields.css?inline';

/**
 * The style sheet of our fields (the table, the file buttons), put in the page once when the first
 * of them is drawn: no file of its own to fetch (/admin/ allows inline styles), and media queries,
 * which inline style attributes cannot have.
 */
export function addFieldStyle(): void {
  if (document.getElementById('portal-field-style')) return;
  const style = document.createElement('style');
  style.id = 'portal-field-style';
  style.textContent = css;
  document.head.append(style);
}
