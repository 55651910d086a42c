import { contentHash, getAtPath, parseFieldPath, numberOf, textOf, toJsonRecord } from '../../../engine';
import type { FieldChange, Item, JsonObject, NodeContext } from '../../../engine';
import { CcvApiError } from '../../../connectors/ccv-shop/index';
import type { Category, CcvClient } from '../../../connectors/ccv-shop/index';
import { changesBetween, isCreateOnly } from '../../shared/record-fields';
import { RecordProblem } from '../../shared/batch-writer';
import type { Journal, WriteResult } from '../../shared/batch-writer';
import type { SyncCategoriesParams } from './sync-categories-params';

export const CATEGORY_SCOPE = 'category';

export interface CategoryEnv {
  ctx: NodeContext<SyncCategoriesParams>;
  client: CcvClient;
  /** Visma.net category id → CCV category id, filled as categories are written (parents before children). */
  ids: Map<string, number>;
  /** Dry run: categories that would be created, by a stand-in id below 0, with their name (for planned links). */
  planned: Map<number, string>;
}

/** A stand-in id for a category a dry run would create, so its children and links can be planned too. */
function plan(env: CategoryEnv, vismaId: string, name: string): number {
  const id = -(env.planned.size + 1);
  env.planned.set(id, name);
  env.ids.set(vismaId, id);
  return id;
}

/** The CCV category id for a Visma.net category id: from this run, else from the id map of earlier runs. */
export function shopCategoryId(env: CategoryEnv, vismaId: string): number | undefined {
  const known = env.ids.get(vismaId);
  if (known !== undefined) return known;
  const mapped = env.ctx.ledger.getMapping(CATEGORY_SCOPE, vismaId);
  const id = mapped ? Number(mapped.targetId) : undefined;
  return id !== undefined && Number.isInteger(id) ? id : undefined;
}

async function categoryById(client: CcvClient, id: number, signal: AbortSignal): Promise<Category | undefined> {
  try {
    return await client.categories.get(id, { signal });
  } catch (err) {
    if (err instanceof CcvApiError && err.kind === 'not-found') return undefined;
    throw err;
  }
}

function current(c: Category): JsonObject {
  const json = toJsonRecord(c);
  return { name: json.name ?? null, parentcategory_id: c.parentcategory?.id ?? null, position: json.position ?? null };
}

/**
 * One Visma.net sales category → a CCV category under the shop category of its parent. Found again by the id
 * map, else by name under the same parent (so existing shop categories are reused), else created.
 */
export async function syncCategory(env: CategoryEnv, item: Item, journal: Journal): Promise<WriteResult> {
  const { ctx, client } = env;
  const p = ctx.params;
  const vismaId = textOf(getAtPath(item.json, parseFieldPath(p.idField))) ?? item.key;
  const name = textOf(getAtPath(item.json, parseFieldPath(p.nameField)));
  if (name === undefined) throw new RecordProblem(`Category '${vismaId}' has no name in '${p.nameField}'. Map its name.`, p.nameField);
  const parentVisma = textOf(getAtPath(item.json, parseFieldPath(p.parentField)));
  const hasParent = parentVisma !== undefined && parentVisma !== '0';
  const parentId = hasParent ? shopCategoryId(env, parentVisma) : undefined;
  if (hasParent && parentId === undefined) {
    throw new RecordProblem(`Category '${name}' (${vismaId}): its parent category ${parentVisma} is not in the shop yet. Categories must arrive parent first; check that the parent did not fail.`, p.parentField);
  }
  const position = numberOf(getAtPath(item.json, parseFieldPath(p.positionField)));
  const wanted: JsonObject = { name, parentcategory_id: parentId ?? null, ...(position !== undefined ? { position } : {}) };
  const hash = contentHash(wanted);
  const mapping = ctx.ledger.getMapping(CATEGORY_SCOPE, vismaId);
  if (mapping && mapping.hash === hash && !ctx.ledger.pendingWrite(CATEGORY_SCOPE, vismaId)) {
    env.ids.set(vismaId, Number(mapping.targetId));
    return { action: 'skipped', targetId: mapping.targetId, reason: 'unchanged since the last run' };
  }
  let found = mapping ? await categoryById(client, Number(mapping.targetId), ctx.signal) : undefined;
  // Under a parent a dry run would create, nothing can exist yet.
  if (!found && !(parentId !== undefined && parentId < 0)) found = await client.categories.findByName(name, parentId, { signal: ctx.signal });
  if (!found) {
    const body = { name, ...(parentId !== undefined ? { parentcategory_id: parentId } : {}), ...(position !== undefined ? { position: Math.round(position) } : {}) };
    const changes: FieldChange[] = Object.entries(body).map(([field, after]) => ({ field, after: typeof after === 'number' && after < 0 ? `new: ${env.planned.get(after) ?? after}` : after }));
    if (ctx.dryRun) {
      plan(env, vismaId, name);
      return { action: 'created', changes, sent: body };
    }
    const created = await journal.write(CATEGORY_SCOPE, vismaId, hash, () => client.categories.create(body, { signal: ctx.signal }), (c) => String(c.id));
    env.ids.set(vismaId, created.id);
    return { action: 'created', targetId: String(created.id), changes, sent: body };
  }
  env.ids.set(vismaId, found.id);
  // Fields marked "only when created" are not changed on an existing category.
  const keep = new Set([...(isCreateOnly(item, p.nameField) ? ['name'] : []), ...(isCreateOnly(item, p.positionField) ? ['position'] : [])]);
  const changes = changesBetween(current(found), wanted, Object.keys(wanted).filter((f) => !keep.has(f)));
  if (changes.length === 0) {
    journal.settle(CATEGORY_SCOPE, vismaId, String(found.id), hash);
    return { action: 'skipped', targetId: String(found.id), reason: 'the shop already has this category' };
  }
  const patch = {
    ...(changes.some((c) => c.field === 'name') ? { name } : {}),
    ...(changes.some((c) => c.field === 'parentcategory_id') && parentId !== undefined ? { parentcategory_id: parentId } : {}),
    ...(changes.some((c) => c.field === 'position') && position !== undefined ? { position: Math.round(position) } : {}),
  };
  if (ctx.dryRun) return { action: 'updated', targetId: String(found.id), changes, sent: patch };
  const id = found.id;
  await journal.write(CATEGORY_SCOPE, vismaId, hash, () => client.categories.patch(id, patch, { signal: ctx.signal }), () => String(id));
  return { action: 'updated', targetId: String(id), changes, sent: patch };
}
