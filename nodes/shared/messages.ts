import { ExpressionError, fillMessage, type MessageParams } from '../../engine';
import { RecordProblem } from './batch-writer';

/**
 * Why a record could not be written, in English, by code; `{name}` places are filled from the parameters. The
 * host words the same codes in German and Dutch (nodes/i18n/messages-de.ts, messages-nl.ts; a test keeps the three
 * in step). Codes are `<area>.<what>`; a code, once shipped, keeps its meaning (the ledger stores it).
 * Parameters are values without words of their own (keys, names, numbers, field paths); where a text has a word
 * that depends on the case, each case has its own code. `{detail}` is a text from outside Koppel (an API's or
 * JSONata's message, a schema check), which stays as it came.
 */
export const RECORD_MESSAGES = {
  // ---- products --------------------------------------------------------------------------------------------------
  'product.unknownField': "Product '{sku}': '{field}' is not a CCV Shop product field. Remove it from the mapping or check its spelling (e.g. eannumber, shortdescription, package_id).",
  'product.refusedValue': "Product '{sku}': field '{field}' has {value}, which CCV Shop does not accept ({detail}). Fix the mapping of '{field}'.",
  'product.createNeedsField': "Product '{sku}' cannot be created without a valid '{field}' ({detail}). Map a value for '{field}'.",
  'product.noVatRate': "Product '{sku}': there is no VAT percentage for tax tariff '{tariff}', so the price cannot be converted to the shop's prices. Add '{tariff}' to the VAT rates of this step.",
  'product.noPackage': 'The shop has no shipping package, and every CCV Shop product needs one. Create a package in CCV Shop or map package_id.',

  // ---- expressions (JSONata's own message is the detail) ---------------------------------------------------------
  'expression.compile': 'The expression in {where} does not compile: {detail}',
  'expression.compileAt': 'The expression in {where} does not compile (at character {position}): {detail}',
  'expression.failed': 'The expression in {where} failed: {detail}',
  'expression.failedFor': "The expression in {where} failed for record '{key}': {detail}",

  // ---- orders ----------------------------------------------------------------------------------------------------
  'order.notAnOrder': 'Record \'{key}\' is not a CCV Shop order ({at}: {detail}). Connect this step to "Fetch orders".',
  'order.notAnOrderRecord': 'Record \'{key}\' is not a CCV Shop order (the record: {detail}). Connect this step to "Fetch orders".',
  'order.noRows': 'Order \'{key}\' came without its rows. Connect this step to "Fetch orders", which loads the rows of every order.',
  'order.noCustomer': 'Order \'{key}\' has no Visma.net customer: put "Find or create customer" before this step, or set a default customer.',
  'order.notPostedSalesOrder': "Order '{key}' could not be posted as sales order: {detail}",
  'order.notPostedCustomerInvoice': "Order '{key}' could not be posted as customer invoice: {detail}",
  'order.notPostedJournalTransaction': "Order '{key}' could not be posted as journal transaction: {detail}",
  'order.refusedSalesOrder': "The sales order for order '{key}' cannot be sent to Visma.net: {detail}.",
  'order.refusedCustomerInvoice': "The customer invoice for order '{key}' cannot be sent to Visma.net: {detail}.",
  'order.refusedJournalTransaction': "The journal transaction for order '{key}' cannot be sent to Visma.net: {detail}.",
  'order.badTimeZone': "'{timeZone}' is not a time zone: use one like Europe/Amsterdam.",
  'order.noCreateDate': "Order '{key}' has no readable create date ('{createDate}').",
  'order.noCountry': "Order '{key}' has no country in its billing or delivery address; Koppel needs it for VAT.",
  'order.reverseChargeNoVatNumber': "Order '{key}' is marked intra-community, but the customer has no VAT number; without it VAT cannot be reverse-charged. Add the VAT number in CCV Shop.",
  'order.reverseChargeWithVat': "Order '{key}' is intra-community (VAT reverse-charged), but '{line}' carries {rate}% VAT. Correct the order in CCV Shop.",
  'order.rowNoItem': "Row {row} of order '{key}' ('{line}') has no item number. Fill the SKU in CCV Shop, or change 'Item number of a row'.",
  'order.noPaymentCostItem': "Order '{key}' has payment costs of {amount}, but no item is set for them: fill in 'Item for payment costs'.",
  'order.noExtraCostItem': "Order '{key}' has extra costs of {amount}, but no item is set for them: fill in 'Item for extra costs'.",
  'order.doesNotAddUp':
    "Order '{key}' does not add up: rows {rows} + shipping and costs {costs} - discounts {discounts} = {expected}, but the order total is {total}. Koppel posts nothing for it; check the order in CCV Shop.",
  'order.doesNotAddUpWithVat':
    "Order '{key}' does not add up: rows {rows} + shipping and costs {costs} - discounts {discounts} + VAT {vat} = {expected}, but the order total is {total}. Koppel posts nothing for it; check the order in CCV Shop.",
  'order.discountWithoutRows': "Order '{key}' has a discount of {amount} but no rows to give it on. Check the order in CCV Shop.",
  'order.itemMissingRow': "Item '{sku}' of order '{key}', row {row} ('{line}'), does not exist in Visma.net. Create the item in Visma.net, or correct the SKU in CCV Shop ('Item number of a row').",
  'order.itemMissingShipping': "Item '{sku}' of order '{key}', the shipping costs, does not exist in Visma.net. Create the item in Visma.net, or choose another one in the table or setting.",
  'order.itemMissingPayment': "Item '{sku}' of order '{key}', the payment costs, does not exist in Visma.net. Create the item in Visma.net, or choose another one in the table or setting.",
  'order.itemMissingExtra': "Item '{sku}' of order '{key}', the {line}, does not exist in Visma.net. Create the item in Visma.net, or choose another one in the table or setting.",
  'order.itemUnsellableRow': "Item '{sku}' of order '{key}', row {row} ('{line}'), has status {status} in Visma.net and cannot be sold. Make it Active in Visma.net.",
  'order.itemUnsellableShipping': "Item '{sku}' of order '{key}', the shipping costs, has status {status} in Visma.net and cannot be sold. Make it Active in Visma.net.",
  'order.itemUnsellablePayment': "Item '{sku}' of order '{key}', the payment costs, has status {status} in Visma.net and cannot be sold. Make it Active in Visma.net.",
  'order.itemUnsellableExtra': "Item '{sku}' of order '{key}', the {line}, has status {status} in Visma.net and cannot be sold. Make it Active in Visma.net.",
  'order.itemMissingRounding': "Item '{sku}' of order '{key}', the rounding line, does not exist in Visma.net. Create the item in Visma.net (a non-stock item), or choose another one in 'Rounding item'.",
  'order.itemUnsellableRounding': "Item '{sku}' of order '{key}', the rounding line, has status {status} in Visma.net and cannot be sold. Make it Active in Visma.net, or choose another one in 'Rounding item'.",
  'order.centDifferenceNoRoundingItem':
    "Order '{key}': Visma.net's own VAT would make the document total {visma} where the customer paid {paid} (a difference of {difference}), and no rounding item is set. Fill in 'Rounding item'.",
  'order.centDifferenceNoRoundingVatCode':
    "Order '{key}': Visma.net's own VAT would make the document total {visma} where the customer paid {paid} (a difference of {difference}), and no VAT code is set for the rounding line. Fill in 'VAT code of the rounding line'.",
  'order.roundingVatCodeNotZero':
    "Order '{key}' needs a rounding line of {difference}, but VAT code '{vatCode}' of the rounding line has {rate}% VAT (or none) in VAT zone '{zone}'. Choose a VAT code with 0% in every zone for 'VAT code of the rounding line'.",
  'order.noVatForCode':
    "Visma.net has no VAT for VAT zone '{zone}' with VAT code '{vatCode}' ('{line}' of order '{key}'). Check row '{vatKey}' of table '{codeTable}' and row '{country}' of table '{zoneTable}'.",
  'order.noReverseCharge':
    "Order '{key}' is intra-community, but VAT zone '{zone}' with VAT code '{vatCode}' gives {vatId} at {rate}% instead of reverse charge. Check row '{vatKey}' of table '{codeTable}' and row '{country}' of table '{zoneTable}'.",
  'order.vatRateDiffers':
    "Visma.net would charge {rate}% VAT ({vatId}: zone '{zone}', VAT code '{vatCode}') on '{line}' of order '{key}', where the shop charged {shopRate}%. Check row '{vatKey}' of table '{codeTable}' and row '{country}' of table '{zoneTable}'.",

  // ---- value tables of the order steps ---------------------------------------------------------------------------
  'table.missing': "There is no table '{table}' in this flow: add it under Tables, or name another table in '{param}'.",
  'table.noVatZone': "No VAT zone for country '{country}' in table '{table}': add a row '{row}'.",
  'table.noVatCode': "No VAT code for country '{country}' rate {rate} in table '{table}': add a row '{row}'.",
  'table.noVatCodeReverseCharge': "No VAT code for intra-community orders (VAT reverse-charged) in table '{table}': add a row '{row}'.",
  'table.noRevenueAccount': "No revenue account for country '{country}' in table '{table}': add a row '{row}'.",
  'table.noPaymentMethod': "No Visma.net payment method for pay method '{payMethod}' in table '{table}': add a row '{row}'.",
  'table.noCreditTerms': "No credit terms for pay method '{payMethod}' in table '{table}': add a row '{row}'.",
  'table.noReceivableAccount': "No receivable account for pay method '{payMethod}' in table '{table}': add a row '{row}'.",
  'table.noCarrier': "No carrier for shipping method '{shippingMethod}' in table '{table}': add a row '{row}'.",
  'table.noShippingItem': "No shipping item for shipping method '{shippingMethod}' in table '{table}': add a row '{row}'.",

  // ---- customers -------------------------------------------------------------------------------------------------
  'customer.unreadable': "Record '{key}' has no readable customer data (billing address, e-mail).",
  'customer.refused': "The customer of record '{key}' cannot be sent to Visma.net: {detail}. Fix the customer mapping of this step.",
  'customer.noEmail': "Record '{key}' has no customer e-mail address: Koppel finds Visma.net customers by e-mail. Fill it in in CCV Shop, or post such orders on a default customer.",
  'customer.notSaved': "Customer '{email}' of record '{key}': {detail}",
  'customer.notFound': "No Visma.net customer has e-mail '{email}' (record '{key}'). Create the customer in Visma.net, or let this step create missing customers.",
} as const satisfies Record<string, string>;

export type RecordMessageCode = keyof typeof RECORD_MESSAGES;

/** A code with its parameters, before it becomes a RecordProblem (e.g. what a value table lacks). */
export interface RecordMessage {
  code: RecordMessageCode;
  params: MessageParams;
}

/** A RecordProblem with its code: English for the log and the ledger, the code for the app's language. */
export function recordProblem(code: RecordMessageCode, params: MessageParams, field?: string): RecordProblem {
  return new RecordProblem(fillMessage(RECORD_MESSAGES[code], params), field, { code, params });
}

/** An expression that failed for a record, as a RecordProblem with a code (the same English as the error). */
export function expressionProblem(err: ExpressionError, field?: string): RecordProblem {
  const detail = { where: err.where, detail: err.detail };
  if (err.kind === 'compile') {
    return err.position !== undefined ? recordProblem('expression.compileAt', { ...detail, position: err.position }, field) : recordProblem('expression.compile', detail, field);
  }
  return err.key !== undefined ? recordProblem('expression.failedFor', { ...detail, key: err.key }, field) : recordProblem('expression.failed', detail, field);
}
