/**
 * The erasure workflow's interface: its input, updates, query and the signal the API sends when a
 * hold of the customer lifts. Imported by the workflows and by the API, so it holds only
 * @temporalio/workflow and domain imports.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/actor.js';
import type { DecideErasureCommand, ErasureView } from '../../domain/erasure/types.js';

export type { DecideErasureCommand, ErasureInput } from '../../domain/erasure/types.js';

export const erasureWorkflowType = 'erasureWorkflow';
export const erasureWorkflowId = (id: string) => `erasure-${id}`;

/** Answers once the request is recorded (update-with-start). */
export const requestErasureUpdate = defineUpdate<ErasureView, [{ actor: Actor }]>('requestErasure');
/** A compliance auditor's approval or refusal (four eyes: not the requester). */
export const decideErasureUpdate = defineUpdate<ErasureView, [DecideErasureCommand]>('decideErasure');
export const erasureQuery = defineQuery<ErasureView>('erasure');
/** Something that may hold the customer changed (a legal hold lifted or set): look at the holds again now. */
export const holdsChangedSignal = defineSignal<[]>('holdsChanged');
