import { fillMessage, type MessageParams } from '../../engine';
import { RecordProblem } from './batch-writer';

/**
 * Why a record could not be written, in English, by code; `{name}` places are filled from the parameters. The
 * host words the same codes in German and Dutch (nodes/i18n/messages-de.ts, messages-nl.ts; a test keeps the three
 * in step). Codes are `<area>.<what>`; a code, once shipped, keeps its meaning (the ledger stores it).
 */
export const RECORD_MESSAGES = {
  'product.unknownField': "Product '{sku}': '{field}' is not a CCV Shop product field. Remove it from the mapping or check its spelling (e.g. eannumber, shortdescription, package_id).",
  'product.refusedValue': "Product '{sku}': field '{field}' has {value}, which CCV Shop does not accept ({detail}). Fix the mapping of '{field}'.",
  'product.createNeedsField': "Product '{sku}' cannot be created without a valid '{field}' ({detail}). Map a value for '{field}'.",
  'product.noVatRate': "Product '{sku}': there is no VAT percentage for tax tariff '{tariff}', so the price cannot be converted to the shop's prices. Add '{tariff}' to the VAT rates of this step.",
} as const satisfies Record<string, string>;

export type RecordMessageCode = keyof typeof RECORD_MESSAGES;

/** A RecordProblem with its code: English for the log and the ledger, the code for the app's language. */
export function recordProblem(code: RecordMessageCode, params: MessageParams, field?: string): RecordProblem {
  return new RecordProblem(fillMessage(RECORD_MESSAGES[code], params), field, { code, params });
}
