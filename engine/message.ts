/**
 * Texts a person reads, as a code with parameters: the code picks the wording in the app's language (the host
 * renders it), the parameters fill its `{name}` places. English is rendered where the text is made, for the CLI,
 * logs and the ledger. No Node imports: the renderer's type-check reads this file.
 */
export type MessageParams = Readonly<Record<string, string | number>>;

export interface MessageRef {
  code: string;
  params?: MessageParams;
}

/** `{name}` places filled from `params`; a name without a value stays as written, so a gap is visible. */
export function fillMessage(template: string, params: MessageParams = {}): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The `{name}` places of a template, e.g. to check that a translation keeps all of them. */
export function placesOf(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] ?? '').sort();
}
