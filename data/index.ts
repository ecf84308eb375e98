import { expandIndex, type SerializedIndex } from '../utils/dataset/serialized.ts';
import type { CompiledIndex } from '../utils/types.ts';
import serialized from './generated/index.json' with { type: 'json' };

/** The compiled dataset (built by `npm run data`; never hand-edited). */
export const INDEX: CompiledIndex = expandIndex(serialized as unknown as SerializedIndex);
