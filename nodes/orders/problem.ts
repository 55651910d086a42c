/**
 * A reason one record cannot be processed: it goes to the node's `error` port with this text, the other records
 * go on. `field` names the parameter or record field to look at.
 */
export class RecordProblem extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RecordProblem';
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
