import { z } from 'zod';
import { createResource, type CreateOptions } from '../create';
import { collectionItems, collectionPages, type Page } from '../paging';
import { ccvId, inputId, link, optBool, optId, optNum, optStr, validateInput } from '../schema-helpers';
import type { CallOptions, CcvTransport } from '../transport';
import { segment as seg } from '../uri';

export const categorySchema = z.looseObject({
  id: ccvId,
  href: optStr,
  name: optStr,
  description: optStr,
  description_bottom: optStr,
  searchwords: optStr,
  photo: optStr,
  position: optNum,
  show_on_website: optBool,
  orderby: optStr,
  items_per_page: optNum,
  page_title: optStr,
  meta_description: optStr,
  meta_keywords: optStr,
  alias: optStr,
  deeplink: optStr,
  /** Absent or without id for a top-level category. */
  parentcategory: z.looseObject({ id: optId, href: optStr }).nullish(),
  categories: link.nullish(),
  producttocategories: link.nullish(),
});
export type Category = z.output<typeof categorySchema>;

export interface CategoryTreeNode {
  id?: number | null;
  href?: string | null;
  name?: string | null;
  description?: string | null;
  position?: number | null;
  show_on_website?: boolean | null;
  deeplink?: string | null;
  children: CategoryTreeNode[];
  [key: string]: unknown;
}

const treeNodeSchema: z.ZodType<CategoryTreeNode> = z.lazy(() =>
  z
    .looseObject({
      id: optId,
      href: optStr,
      name: optStr,
      description: optStr,
      position: optNum,
      show_on_website: optBool,
      deeplink: optStr,
      children: z.array(treeNodeSchema).nullish(),
    })
    .transform((n) => ({ ...n, children: n.children ?? [] })),
);

export const categoryTreeSchema = z.looseObject({ href: optStr, root_categories: z.array(treeNodeSchema) });
export type CategoryTree = z.output<typeof categoryTreeSchema>;

const categoryWritable = {
  name: z.string().min(1),
  description: z.string().optional(),
  description_bottom: z.string().optional(),
  description_photo_position: z.string().optional(),
  description_photo_size: z.string().optional(),
  description_photo_source: z.string().optional(),
  description_photo_file_type: z.string().optional(),
  searchwords: z.string().optional(),
  layout_of_products_id: z.number().int().optional(),
  color: z.number().int().optional(),
  color_alternative: z.number().int().optional(),
  layout_of_categories_id: z.number().int().optional(),
  /** Base64 without `data:` prefix, with `photo_file_type`. */
  photo_source: z.string().optional(),
  photo_file_type: z.string().optional(),
  show_big_photo: z.boolean().optional(),
  productphoto_in_canvas: z.boolean().optional(),
  show_orderbutton: z.boolean().optional(),
  orderby: z.string().optional(),
  items_per_page: z.number().int().optional(),
  position: z.number().int().optional(),
  show_on_website: z.boolean().optional(),
  /** Places the category under another one (hierarchy). */
  parentcategory_id: inputId.optional(),
  meta_description: z.string().optional(),
  meta_keywords: z.string().optional(),
  page_title: z.string().optional(),
  no_index: z.boolean().optional(),
  no_follow: z.boolean().optional(),
  alias: z.string().optional(),
};

/** `internal.resource.categories.post.v1`: `name` is required. */
export const categoryCreateSchema = z.strictObject(categoryWritable);
export type CategoryCreate = z.input<typeof categoryCreateSchema>;
/** `internal.resource.categories.patch.v1`. */
export const categoryPatchSchema = z.strictObject(categoryWritable).partial();
export type CategoryPatch = z.input<typeof categoryPatchSchema>;

export class CategoriesResource {
  constructor(private readonly t: CcvTransport) {}

  private listUri(parentId?: number): string {
    const path = parentId === undefined ? 'categories' : `categories/${seg(parentId)}/categories`;
    return this.t.uri(path, { start: 0, size: this.t.config.pageSize });
  }

  /** All categories (paged), or the direct children of `parentId`. */
  async *iterate(opts: CallOptions & { parentId?: number } = {}): AsyncGenerator<Category> {
    yield* collectionItems(this.t, this.listUri(opts.parentId), categorySchema, opts.parentId === undefined ? 'category list' : `subcategories of ${opts.parentId}`, opts);
  }

  async *pages(opts: CallOptions & { parentId?: number } = {}): AsyncGenerator<Page<Category>> {
    yield* collectionPages(this.t, this.listUri(opts.parentId), categorySchema, 'category list', opts);
  }

  async get(id: number, opts: CallOptions = {}): Promise<Category> {
    return this.t.getJson(this.t.uri(`categories/${seg(id)}`), categorySchema, `category ${id}`, opts);
  }

  /** The whole tree in one call (`GET /categorytree/`). */
  async tree(opts: CallOptions = {}): Promise<CategoryTree> {
    return this.t.getJson(this.t.uri('categorytree'), categoryTreeSchema, 'category tree', opts);
  }

  /** A category with this name (case-insensitive, trimmed) directly under `parentId` (top level when undefined). */
  async findByName(name: string, parentId?: number, opts: CallOptions = {}): Promise<Category | undefined> {
    const wanted = name.trim().toLowerCase();
    for await (const c of this.iterate({ ...opts, parentId })) {
      const parent = c.parentcategory?.id ?? undefined;
      const sameParent = parentId === undefined ? !parent : parent === parentId || parent === undefined;
      if (sameParent && (c.name ?? '').trim().toLowerCase() === wanted) return c;
    }
    return undefined;
  }

  /** Creates a category; a POST that may have landed is looked up by name + parent. */
  async create(input: CategoryCreate, opts: CreateOptions<Category> = {}): Promise<Category> {
    const uri = this.t.uri('categories');
    const subject = `category "${input.name}"`;
    const body = validateInput(categoryCreateSchema, input, { method: 'POST', path: uri, subject, what: 'a new category' });
    const findExisting = opts.findExisting ?? (() => this.findByName(body.name, body.parentcategory_id, opts));
    return createResource(this.t, uri, body, categorySchema, subject, { ...opts, findExisting });
  }

  async patch(id: number, input: CategoryPatch, opts: CallOptions = {}): Promise<void> {
    const uri = this.t.uri(`categories/${seg(id)}`);
    const body = validateInput(categoryPatchSchema, input, { method: 'PATCH', path: uri, subject: `category ${id}`, what: 'a category change' });
    await this.t.write('PATCH', uri, body, `category ${id}`, opts);
  }

  async delete(id: number, opts: CallOptions = {}): Promise<void> {
    await this.t.write('DELETE', this.t.uri(`categories/${seg(id)}`), undefined, `category ${id}`, opts);
  }
}
