import type { CompiledIndex } from '../utils/types.ts';
import compiled from './generated/index.json' with { type: 'json' };

/** The compiled dataset (built by `npm run data`; never hand-edited). */
export const INDEX = compiled as CompiledIndex;
