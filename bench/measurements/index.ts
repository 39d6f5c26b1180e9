import type { Measurement } from '../lib/types.js';
import { auditVerify } from './audit-verify.js';
import { intake } from './intake.js';
import { lifecycle } from './lifecycle.js';
import { raw } from './raw.js';
import { scale } from './scale.js';
import { timerStorm } from './timer-storm.js';
import { votes } from './votes.js';

/** The measurements of docs/quality-bars.md, in the order they run (scale, on a stack of its own, last). */
export const measurements: Measurement[] = [raw, intake, lifecycle, votes, timerStorm, auditVerify, scale];
