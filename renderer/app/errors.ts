import { toast } from '../store/ui.slice';

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : String(error);
}

/** Shows a failed call to the person: what failed (`what`, already translated) and the host's reason. */
export function reportError(what: string, error: unknown): void {
  toast('error', `${what}: ${messageOf(error)}`);
}
