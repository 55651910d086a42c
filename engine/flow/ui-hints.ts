/**
 * UI hints of node parameters (`.meta({ ui })` on a param schema): the renderer builds the inspector from them. Typed
 * here, through zod's GlobalMeta, so a misspelt widget or an option list the host cannot fill is a compile error.
 * No Node imports: the renderer's type-check reads this file too.
 */

/** The controls the inspector has; `hidden` keeps a param out of the form. */
export const WIDGETS = ['text', 'textarea', 'number', 'toggle', 'select', 'expression', 'table', 'mapper', 'conditions', 'keyvalue', 'list', 'group', 'json', 'hidden'] as const;
export type Widget = (typeof WIDGETS)[number];

/** Lists the host fills from a live connection (`options.list`) for a select. */
export const OPTION_KINDS = [
  'vatCategories',
  'vatZones',
  'paymentMethods',
  'creditTerms',
  'carriers',
  'branches',
  'warehouses',
  'customerClasses',
  'itemClasses',
  'salesCategories',
  'currencies',
  'salesOrderTypes',
  'ccvOrderStatuses',
  'ccvPayMethods',
  'ccvPackages',
  'ccvAttributes',
  'ccvCategories',
] as const;
export type OptionKind = (typeof OPTION_KINDS)[number];

export interface UiHints {
  widget?: Widget;
  /** Fixed choices of a select: a value, or a value with the label to show. */
  options?: readonly (string | number | { value: string | number | boolean; label: string })[];
  /** Choices read from the slot's connection. */
  optionsFrom?: OptionKind;
  placeholder?: string;
}

declare module 'zod' {
  interface GlobalMeta {
    ui?: UiHints;
  }
}
