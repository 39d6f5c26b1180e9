// The entry of a verification thread (audit/verify-threads.ts). Node 20 does not pass the
// process's module loader (`--import tsx`) on to worker threads, so the thread registers tsx
// itself before loading its TypeScript module.
import { register } from 'tsx/esm/api';

register();
await import('./verify-thread.ts');
