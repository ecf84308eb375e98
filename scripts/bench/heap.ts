/** The JS heap an object graph keeps alive, measured between forced garbage collections. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
export const collectGarbage = runInNewContext('gc') as () => void;

/** Bytes per copy retained by `make()`, averaged over several live copies. */
export function retainedBytes(make: () => unknown, copies = 8): number {
  collectGarbage();
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: copies }, make);
  collectGarbage();
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  if (kept.length !== copies) throw new Error('unreachable');
  return Math.max(0, after - before) / copies;
}
