// Test-only workflows (not product code) for the history-archival tests: one that closes at once
// and one that runs until signalled. They carry a customer record in their input so that the
// export's masking of histories can be checked. Bundled by the test itself.
import { condition, defineSignal, setHandler } from '@temporalio/workflow';

export interface ProcessInput {
  customer?: { ref: string; name: string; phone: string; idNumber?: string };
  note?: string;
}

export const finishSignal = defineSignal('finish');

export async function closesAtOnce(input: ProcessInput): Promise<{ handled: string }> {
  return { handled: input.customer?.ref ?? 'none' };
}

export async function runsUntilSignalled(_input: ProcessInput): Promise<string> {
  let finished = false;
  setHandler(finishSignal, () => void (finished = true));
  await condition(() => finished);
  return 'finished';
}
