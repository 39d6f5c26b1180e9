// The raw floor: a workflow that does nothing, run on the same Temporal server as cxgov, so the
// bench can show how close cxgov gets to what the engine itself can do on this machine.
export async function noopWorkflow(): Promise<void> {}
