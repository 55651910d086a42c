import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HostError } from '../errors';

/** Flow files end in `.flow.json`; refusing other names keeps "save" and "delete" away from unrelated files. */
export const FLOW_SUFFIX = '.flow.json';

export function requireFlowPath(file: string, action: 'save' | 'delete'): void {
  if (!file.toLowerCase().endsWith(FLOW_SUFFIX)) {
    throw new HostError('invalid-input', `Koppel only ${action === 'save' ? 'saves' : 'deletes'} flow files whose name ends in ${FLOW_SUFFIX}; '${path.basename(file)}' does not.`);
  }
}

export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) throw new HostError('not-found', `There is no flow file at ${file}. It may have been moved or deleted.`);
    throw new HostError('failed', `Koppel could not read ${file}: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/** Writes through a temporary file and a rename, so a crash never leaves half a flow file. */
export async function writeTextAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw new HostError('failed', `Koppel could not save ${file}: ${error instanceof Error ? error.message : String(error)}. Check that the folder exists and is writable.`);
  }
}

export async function modifiedAt(file: string): Promise<string> {
  try {
    return (await stat(file)).mtime.toISOString();
  } catch {
    return new Date(0).toISOString();
  }
}

export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
