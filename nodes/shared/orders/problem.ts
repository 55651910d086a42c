/** A reason one record cannot be processed: the one class every writing step uses (see shared/batch-writer.ts). */
export { RecordProblem } from '../batch-writer';

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
