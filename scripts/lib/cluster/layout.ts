import { createServer } from 'node:net';

/**
 * Which Temporal service processes a cluster runs and on which ports. Each process runs one
 * service; several history processes share the shards between them (Temporal moves a dead one's
 * shards to the others), which is what lets one of them die without losing a timer.
 */
export type TemporalService = 'frontend' | 'history' | 'matching' | 'worker';

export interface ServiceInstance {
  /** frontend, matching, worker, history-1, history-2, … */
  name: string;
  service: TemporalService;
  grpcPort: number;
  membershipPort: number;
  /** The frontend's HTTP API. */
  httpPort?: number;
}

export interface ClusterLayout {
  instances: ServiceInstance[];
  /** host:port of the frontend: what TEMPORAL_ADDRESS points to. */
  frontendAddress: string;
  uiPort: number;
}

/**
 * Ports counted up from `base` (the frontend's gRPC port): frontend gRPC, HTTP, membership, then
 * matching, worker and each history instance gRPC + membership; the Web UI at base + 1000
 * (7233 → 8233, where the dev server puts it).
 */
export function layoutFromBase(base: number, historyInstances: number): ClusterLayout {
  let next = base;
  const take = () => next++;
  const instances: ServiceInstance[] = [{ name: 'frontend', service: 'frontend', grpcPort: take(), httpPort: take(), membershipPort: take() }];
  instances.push({ name: 'matching', service: 'matching', grpcPort: take(), membershipPort: take() });
  instances.push({ name: 'worker', service: 'worker', grpcPort: take(), membershipPort: take() });
  for (let i = 1; i <= historyInstances; i++) instances.push({ name: `history-${i}`, service: 'history', grpcPort: take(), membershipPort: take() });
  return { instances, frontendAddress: `127.0.0.1:${base}`, uiPort: base + 1000 };
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** The ports of `layout` that something else already listens on. */
export async function busyPorts(layout: ClusterLayout): Promise<number[]> {
  const ports = layout.instances.flatMap((i) => [i.grpcPort, i.membershipPort, ...(i.httpPort ? [i.httpPort] : [])]);
  const busy: number[] = [];
  for (const p of ports) if (!(await portFree(p))) busy.push(p);
  return busy;
}

/** A layout on a free block of ports (a bench's or a test's own cluster). */
export async function freeLayout(historyInstances: number): Promise<ClusterLayout> {
  for (let attempt = 0; attempt < 50; attempt++) {
    // Below 32768: Temporal's PostgreSQL schema keeps membership ports in a smallint.
    const base = 20_000 + Math.floor(Math.random() * 11_000);
    const layout = layoutFromBase(base, historyInstances);
    if ((await busyPorts(layout)).length === 0 && (await portFree(layout.uiPort))) return layout;
  }
  throw new Error('no free block of ports found for a Temporal cluster');
}

/** The environment deploy/temporal/config/base.yaml reads for one instance's ports. */
export function portEnvironment(instance: ServiceInstance, frontend: ServiceInstance): Record<string, string> {
  const upper = instance.service.toUpperCase();
  return {
    TEMPORAL_FRONTEND_GRPC_PORT: String(frontend.grpcPort),
    TEMPORAL_FRONTEND_HTTP_PORT: String(frontend.httpPort),
    TEMPORAL_FRONTEND_MEMBERSHIP_PORT: String(frontend.membershipPort),
    [`TEMPORAL_${upper}_GRPC_PORT`]: String(instance.grpcPort),
    [`TEMPORAL_${upper}_MEMBERSHIP_PORT`]: String(instance.membershipPort),
  };
}
