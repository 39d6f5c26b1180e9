import type { Measurement } from '../lib/types.js';
import { raw } from './raw.js';

/** The measurements of quality.md, in the order they run. */
export const measurements: Measurement[] = [raw];
