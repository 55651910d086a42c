import { createHash, randomBytes } from 'node:crypto';
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
  return (await readFlowFile(file)).text;
}

/**
 * The revision of a flow file: a hash of its bytes. The editor gets it with what it opened and hands it back on
 * save, so a save over a file someone else changed meanwhile is refused. Content, not mtime: a checkout that
 * leaves the text as it was is no change, and two writes within one mtime tick still differ.
 */
export function revisionOf(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

/** A flow file's text and its revision, read once (so the two always belong together). */
export async function readFlowFile(file: string): Promise<{ text: string; revision: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if (isMissing(error)) throw new HostError('not-found', `There is no flow file at ${file}. It may have been moved or deleted.`);
    throw new HostError('failed', `Koppel could not read ${file}: ${error instanceof Error ? error.message : String(error)}.`);
  }
  return { text: bytes.toString('utf8'), revision: revisionOf(bytes) };
}

/** The revision of the file on disk now; undefined when there is none. */
export async function revisionOnDisk(file: string): Promise<string | undefined> {
  try {
    return revisionOf(await readFile(file));
  } catch (error) {
    if (isMissing(error)) return undefined;
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
