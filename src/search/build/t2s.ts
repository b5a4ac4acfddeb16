/**
 * The traditional → simplified table of the folding (see shared/fold.ts), from OpenCC's
 * TSCharacters dictionary as opencc-js ships it. Only the index step and Node tools read it from
 * the package; the browser reads the copy the index step writes next to the index (T2S_FILE).
 */
import TSCharacters from 'opencc-js/dict/TSCharacters';
import { parseOpenccTable, type T2S } from '../shared/fold.ts';

let table: T2S | undefined;

export function t2sTable(): T2S {
  table ??= parseOpenccTable(TSCharacters);
  return table;
}
