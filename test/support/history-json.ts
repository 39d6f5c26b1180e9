import { createRequire } from 'node:module';
import type { temporal } from '@temporalio/proto';

/**
 * Workflow histories to and from the JSON of Temporal's tools (proto3 JSON), like
 * `historyToJSON`/`historyFromJSON` of @temporalio/common/lib/proto-utils — which fail here with
 * "type must be a Type" because npm installed two copies of protobufjs 8 (one under
 * @temporalio/common, one under @temporalio/proto) and the protojson of one refuses the types of
 * the other. Taking protobufjs from where @temporalio/proto resolves it keeps message types and
 * serializer from the same copy, whatever the install layout.
 */
const require = createRequire(import.meta.url);
const fromProto = createRequire(require.resolve('@temporalio/proto'));
const protojson = fromProto('protobufjs/ext/protojson') as {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown;
};
const proto = require('@temporalio/proto') as typeof import('@temporalio/proto');
const { patchProtobufRoot } = require('@temporalio/proto/lib/patch-protobuf-root') as { patchProtobufRoot(root: unknown): { lookupType(name: string): unknown } };
const historyType = patchProtobufRoot(proto).lookupType('temporal.api.history.v1.History');

type History = temporal.api.history.v1.IHistory;

export function historyToJson(history: History): string {
  return JSON.stringify(protojson.toJson(historyType, proto.temporal.api.history.v1.History.fromObject(history)), null, 2);
}

/** Parses a history saved by `historyToJson` (unknown fields from newer servers are ignored). */
export function historyFromJson(json: unknown): History {
  const history = protojson.fromJson(historyType, json, { ignoreUnknownFields: true });
  if (!history) throw new TypeError('not a workflow history');
  return history as History;
}
