import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'replay', 'fixtures');

/**
 * History ⇄ the standard JSON of Temporal history files. `@temporalio/common`'s historyToJSON /
 * historyFromJSON fail here ("type must be a Type"): npm installs two copies of protobufjs 8 (one
 * under @temporalio/common, one under @temporalio/proto, because the top level holds protobufjs 7),
 * and protojson's `instanceof Type` check fails across copies. So the protojson of the copy that
 * built the proto types is used instead.
 */
const require = createRequire(import.meta.url);
const protoRequire = createRequire(require.resolve('@temporalio/proto'));
const { toJson, fromJson } = protoRequire('protobufjs/ext/protojson') as {
  toJson: (type: unknown, message: unknown) => unknown;
  fromJson: (type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }) => unknown;
};
const proto = require('@temporalio/proto') as typeof import('@temporalio/proto');
const { patchProtobufRoot } = require('@temporalio/proto/lib/patch-protobuf-root') as { patchProtobufRoot: (root: unknown) => { lookupType(name: string): unknown } };
const historyType = patchProtobufRoot(proto).lookupType('temporal.api.history.v1.History');

export function historyToJSON(history: temporal.api.history.v1.IHistory): string {
  return JSON.stringify(toJson(historyType, proto.temporal.api.history.v1.History.fromObject(history)), null, 2);
}

export function historyFromJSON(json: unknown): temporal.api.history.v1.History {
  const loaded = fromJson(historyType, json, { ignoreUnknownFields: true });
  if (!loaded) throw new TypeError('invalid history JSON');
  return loaded as temporal.api.history.v1.History;
}

/**
 * Saves the event history of a finished (or running) workflow as a replay fixture when the
 * suite runs with UPDATE_REPLAY_FIXTURES=1. Fixtures are real histories from the integration
 * tests; test/replay/replay.test.ts replays every one against the current workflow code, so a
 * change that breaks a running process fails the suite (use patched() or a new workflow type).
 */
export async function saveReplayFixture(client: Client, workflowId: string, name: string): Promise<void> {
  if (process.env.UPDATE_REPLAY_FIXTURES !== '1') return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  mkdirSync(fixturesDir, { recursive: true });
  writeFileSync(path.join(fixturesDir, `${name}.json`), historyToJSON(history) + '\n');
}
