/**
 * One index build in a fresh process, as at a page's start-up: no code compiled or optimised
 * yet. The dataset is loaded (and, for the tenfold one, generated) and the heap collected first,
 * so the figure is the build's own. Prints milliseconds. Run by the bench:
 * `tsx scripts/bench/cold-build.ts real|tenfold`.
 */
import { INDEX } from '../../data/index.ts';
import { createMatcher } from '../../utils/matcher.ts';
import { collectGarbage } from './heap.ts';
import { tenfoldDataset } from './tenfold.ts';

const entries = process.argv[2] === 'tenfold' ? tenfoldDataset(INDEX.entries) : INDEX.entries;
collectGarbage();
const started = performance.now();
createMatcher(entries);
console.log((performance.now() - started).toFixed(3));
