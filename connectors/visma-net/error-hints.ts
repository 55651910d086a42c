/**
 * What a bookkeeper can do about known Visma.net error texts and codes (reference/visma-net/README.md §7, §9, V3 x-visma-erp-error-codes).
 * Matched against Visma's cleaned reason and code; the first match wins.
 */
const hints: { test: RegExp; hint: string }[] = [
  {
    test: /'Customer ID' cannot be empty/i,
    hint: 'Turn on auto-numbering for customers in Visma.net or map a customer number.',
  },
  {
    test: /'(Item ID|Inventory ID)' cannot be empty/i,
    hint: 'Turn on auto-numbering for items in Visma.net or map an item number (SKU).',
  },
  {
    test: /Value cannot be null\.?\s*Parameter name: key/i,
    hint: 'Numbering is automatic for this record type in Visma.net: do not map a number, or send overrideNumberSeries.',
  },
  {
    test: /Data received not recognized as|Parameter name: \w+UpdateDto/i,
    hint: 'Visma.net did not recognise the data Koppel sent. This is a Koppel bug: please report it with this message.',
  },
  {
    test: /No license for this company|^12027$/i,
    hint: "The tenant id must be the company's tenant id (not the customer contract's), and the integration needs the 'API User' role for that company.",
  },
  { test: /^12002$/, hint: 'The integration user is not authorised for this company: give it access in Visma.net.' },
  {
    test: /TaxID '.*' cannot be found|VAT.*cannot be found/i,
    hint: "The customer's VAT zone and the VAT category of the item or line give no VAT ID in Visma.net: check both.",
  },
  {
    test: /1804-InventoryIdNotFound|1803-UniqueInventoryIdNotFound|1821-InventoryIdFreeItemNotFound/,
    hint: 'The item does not exist in Visma.net: create it first or fix the SKU mapping.',
  },
  {
    test: /1401-MissingTermsId/,
    hint: 'Set default credit terms on the customer in Visma.net, or map credit terms (termsId) for the order.',
  },
  { test: /1402-|1403-|1404-|1409-/, hint: 'Map a payment method that exists in Visma.net, is active and may be used on sales orders.' },
  { test: /1405-PaymentReferenceRequired/, hint: 'This order type needs a payment reference: map one (e.g. the shop order number).' },
  { test: /1406-PaymentReferenceProhibited/, hint: 'This order type does not take a payment reference: remove it from the mapping.' },
  { test: /1407-InvalidCustomerStatus/, hint: 'The customer is on hold or inactive in Visma.net: change its status first.' },
  { test: /15\d\d-CashAccount/, hint: 'Check the cash account mapped for this payment method and branch in Visma.net.' },
  {
    test: /16\d\d-FinancialPeriod/,
    hint: 'The financial period for this date is missing, closed or inactive: open or create it in Visma.net, or change the date.',
  },
  { test: /1700-|1701-|1703-|1802-InvalidWarehouseId/, hint: 'Map a warehouse (and location) that exists and allows sales in Visma.net.' },
  { test: /1805-InvalidTaxCategoryId/, hint: 'Map a VAT category that exists in Visma.net (see the list of VAT categories).' },
  { test: /1808-InvalidUnitOfMeasure/, hint: 'Use a unit of measure that is defined for this item in Visma.net.' },
  { test: /190[1-2]-/, hint: 'Map an active salesperson that exists in Visma.net.' },
  { test: /0002-InvalidLength/, hint: 'A value is too long for Visma.net: shorten it in the mapping.' },
  { test: /0001-(NullNotAllowed|EmptyNotAllowed)/, hint: 'A required field is empty: map a value for it.' },
  { test: /already exists|duplicate/i, hint: 'A record with this number already exists in Visma.net: link to it instead of creating it.' },
];

export function hintFor(...texts: (string | undefined)[]): string | undefined {
  for (const { test, hint } of hints) {
    if (texts.some((t) => t !== undefined && test.test(t))) return hint;
  }
  return undefined;
}
