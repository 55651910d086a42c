// Main API journal transactions v2 (/v2/journaltransaction). List paging counts lines, not batches [C S1].
import { randomUUID } from 'node:crypto';
import { dateFilter, isoStamp } from './dates';
import { JournalTransactionUpdateDto } from './dto-documents';
import { messageError, notFound, recordErrors } from './errors';
import { bind, bool, checkIfMatch, created, eqCi, etag, noContent, num, ok, q, str } from './main-api';
import type { JournalLine, JournalTransaction } from './model';
import { parseMainPaging } from './paging';
import { money } from './rng';
import type { Router } from './router';
import { ACCOUNTS, BRANCHES, CURRENCIES, findCi, LEDGERS } from './seed-master';
import { batchNumberAt } from './seed-documents';
import { VAT_CATEGORIES, VATS } from './seed-vat';
import { isRecord, type SimContext, type SimRequest, type SimResponse } from './types';
import type { Unwrapped } from './wrap';

const MODULES = ['GL', 'AP', 'AR', 'CM', 'CA', 'IN', 'DR', 'FA', 'PM'];

function renderLine(j: JournalTransaction, l: JournalLine): Record<string, unknown> {
  const acc = findCi(ACCOUNTS, (a) => a.accountCD, l.accountNumber);
  const cat = findCi(VAT_CATEGORIES, (c) => c.id, l.vatCodeId);
  const vat = findCi(VATS, (v) => v.vatId, l.vatId);
  return {
    lineNumber: l.lineNumber, accountNumber: l.accountNumber, description: acc?.description ?? null, subaccount: l.subaccount ?? null,
    referenceNumber: l.referenceNumber, debitAmount: l.debit, debitAmountInCurrency: l.debit, creditAmount: l.credit, creditAmountInCurrency: l.credit,
    transactionDescription: l.transactionDescription, vatCode: cat ? { id: cat.id, description: cat.description } : null,
    vat: vat ? { id: vat.vatId, description: vat.description } : null, branch: l.branch, customerSupplier: null, transactionType: 'N', module: j.module,
    uom: l.uom, project: l.project ? { internalId: null, id: l.project, description: null } : null, projectTask: null, attachments: [], quantity: l.quantity,
    inventoryNumber: null, note: l.note,
  };
}

function renderJournal(j: JournalTransaction, lines: JournalLine[] = j.lines): Record<string, unknown> {
  const debit = money(j.lines.reduce((a, l) => a + l.debit, 0));
  const credit = money(j.lines.reduce((a, l) => a + l.credit, 0));
  return {
    module: j.module, batchNumber: j.batchNumber, status: j.status, hold: j.hold, transactionDate: j.transactionDate, postPeriod: j.postPeriod,
    financialPeriod: j.financialPeriod, ledger: j.ledger, ledgerDescription: findCi(LEDGERS, (l) => l.number, j.ledger)?.description ?? null,
    currencyId: j.currencyId, exchangeRate: j.exchangeRate, autoReversing: j.autoReversing, reversingEntry: false, description: j.description,
    originalBatchNumber: null, debitTotal: debit, debitTotalInCurrency: debit, creditTotal: credit, creditTotalInCurrency: credit,
    controlTotal: j.controlTotalInCurrency, controlTotalInCurrency: j.controlTotalInCurrency, createVatTransaction: j.createVatTransaction,
    skipVatAmountValidation: j.skipVatAmountValidation, lastModifiedDateTime: j.lastModifiedDateTime, transactionCode: j.transactionCode,
    transactionCodeDescription: null, branch: j.branch, timeStamp: j.timeStamp, journalTransactionLines: lines.map((l) => renderLine(j, l)), attachments: [], errorInfo: null,
  };
}

function listJournals(req: SimRequest, ctx: SimContext): SimResponse {
  const periodId = q(req, 'periodId');
  // This endpoint has no `lastModifiedDateTimeCondition`: the date alone means "modified since then, up to the
  // present" (spec parameter description). A condition sent anyway is honoured.
  const query = new URLSearchParams(req.query);
  if (q(req, 'lastModifiedDateTime') !== undefined && q(req, 'lastModifiedDateTimeCondition') === undefined) query.set('lastModifiedDateTimeCondition', '>=');
  const f = dateFilter(query, 'lastModifiedDateTime', ctx.config.timeZoneOffsetMinutes);
  if (!f.ok) return messageError(400, f.error);
  if (periodId === undefined && !f.test) return messageError(400, `Either periodId (YYYYPP) or lastModifiedDateTime with lastModifiedDateTimeCondition is mandatory for journal transactions.`);
  if (periodId !== undefined && !/^\d{4}(0[1-9]|1[0-2])$/.test(periodId)) return messageError(400, `periodId '${periodId}' is invalid; use YYYYPP, e.g. 202401.`);
  const mod = q(req, 'module');
  if (mod !== undefined && !MODULES.includes(mod.toUpperCase())) return messageError(400, `module '${mod}' is invalid; allowed: ${MODULES.join(', ')}.`);
  const status = q(req, 'status');
  const branch = q(req, 'branch');
  const test = f.test;
  const p = parseMainPaging(req.query, 'journaltransaction', ctx.config);
  if (!p.ok) return messageError(400, p.error);
  const { pageNumber, pageSize, maxPageSize } = p.page;
  const skip = (pageNumber - 1) * pageSize;
  // Flatten to lines, page the lines, regroup per batch: one batch can straddle two pages.
  const pages = new Map<string, { j: JournalTransaction; lines: JournalLine[] }>();
  let total = 0;
  for (const [, j] of ctx.store.journalTransactions.entries()) {
    if (periodId !== undefined && j.financialPeriod !== periodId) continue;
    if (test && !test(j.lastModifiedDateTime)) continue;
    if (mod !== undefined && j.module !== `Module${mod.toUpperCase()}`) continue;
    if (!eqCi(j.status, status) || !eqCi(j.branch, branch)) continue;
    for (const l of j.lines) {
      if (total >= skip && total < skip + pageSize) {
        const entry = pages.get(j.batchNumber) ?? { j, lines: [] };
        entry.lines.push(l);
        pages.set(j.batchNumber, entry);
      }
      total++;
    }
  }
  return ok([...pages.values()].map(({ j, lines }) => ({ ...renderJournal(j, lines), metadata: { totalCount: total, maxPageSize } })));
}

function applyJournal(j: JournalTransaction, u: Unwrapped, creating: boolean): string[] {
  const errors: string[] = [];
  for (const k of ['description', 'transactionCode'] as const) if (k in u) j[k] = str(u[k]);
  for (const k of ['hold', 'autoReversing', 'createVatTransaction', 'skipVatAmountValidation'] as const) if (k in u) j[k] = bool(u[k]) ?? false;
  if ('exchangeRate' in u) j.exchangeRate = num(u.exchangeRate) ?? 1;
  if ('controlTotalInCurrency' in u) j.controlTotalInCurrency = num(u.controlTotalInCurrency) ?? 0;
  if ('transactionDate' in u && str(u.transactionDate)) j.transactionDate = str(u.transactionDate) ?? j.transactionDate;
  if ('ledger' in u && !findCi(LEDGERS, (l) => l.number, str(u.ledger))) errors.push(`Ledger '${str(u.ledger) ?? ''}' cannot be found in the system.`);
  else if ('ledger' in u) j.ledger = str(u.ledger) ?? 'L';
  if ('currencyId' in u && !findCi(CURRENCIES, (c) => c.id, str(u.currencyId))) errors.push(`Currency '${str(u.currencyId) ?? ''}' cannot be found in the system.`);
  else if ('currencyId' in u) j.currencyId = str(u.currencyId) ?? 'EUR';
  if ('branch' in u && !findCi(BRANCHES, (b) => b.number, str(u.branch))) errors.push(`Branch '${str(u.branch) ?? ''}' cannot be found in the system.`);
  else if ('branch' in u) j.branch = str(u.branch) ?? '1';
  for (const k of ['financialPeriod', 'postPeriod'] as const) {
    const p = k in u ? str(u[k]) : null;
    if (p !== null && !/^\d{4}(0[1-9]|1[0-2])$/.test(p)) errors.push(`${k} '${p}' is not a valid financial period; use YYYYMM.`);
    else if (p !== null) j[k] = p;
  }
  const period = j.transactionDate.slice(0, 7).replace('-', '');
  if (!('financialPeriod' in u) && creating) j.financialPeriod = j.postPeriod || period;
  if (!('postPeriod' in u) && creating) j.postPeriod = j.financialPeriod || period;
  if (Array.isArray(u.journalTransactionLines)) {
    for (const [i, raw] of u.journalTransactionLines.entries()) {
      if (!isRecord(raw)) continue;
      const where = `journalTransactionLines[${i}]`;
      const op = str(raw.operation) ?? 'Insert';
      const idx = j.lines.findIndex((l) => l.lineNumber === num(raw.lineNumber));
      if ((op === 'Update' || op === 'Delete') && idx === -1) {
        errors.push(`${where}: line number ${num(raw.lineNumber) ?? '(missing)'} does not exist in batch ${j.batchNumber}.`);
        continue;
      }
      if (op === 'Delete') {
        j.lines.splice(idx, 1);
        continue;
      }
      const existing = op === 'Update' ? j.lines[idx] : undefined;
      const line: JournalLine = existing ? { ...existing } : {
        lineNumber: Math.max(0, ...j.lines.map((l) => l.lineNumber)) + 1, accountNumber: null, subaccount: null, referenceNumber: null, transactionDescription: null,
        debit: 0, credit: 0, vatCodeId: null, vatId: null, branch: j.branch, project: null, projectTask: null, uom: null, quantity: 0, note: null,
      };
      for (const k of ['accountNumber', 'referenceNumber', 'transactionDescription', 'vatCodeId', 'vatId', 'branch', 'project', 'projectTask', 'uom', 'note'] as const) if (k in raw) line[k] = str(raw[k]);
      if ('debitAmountInCurrency' in raw) line.debit = num(raw.debitAmountInCurrency) ?? 0;
      if ('creditAmountInCurrency' in raw) line.credit = num(raw.creditAmountInCurrency) ?? 0;
      if ('quantity' in raw) line.quantity = num(raw.quantity) ?? 0;
      if ('subaccount' in raw) line.subaccount = raw.subaccount;
      if (!line.accountNumber) errors.push(`${where}: 'Account' cannot be empty.`);
      else if (!ACCOUNTS.some((a) => a.accountCD === line.accountNumber)) errors.push(`${where}: account '${line.accountNumber}' cannot be found in the chart of accounts.`);
      if (line.vatCodeId && !findCi(VAT_CATEGORIES, (c) => c.id, line.vatCodeId)) errors.push(`${where}: VAT category '${line.vatCodeId}' cannot be found.`);
      if (line.vatId && !findCi(VATS, (v) => v.vatId, line.vatId)) errors.push(`${where}: VAT ID '${line.vatId}' cannot be found.`);
      if (existing) j.lines[idx] = line;
      else j.lines.push(line);
    }
  }
  if (j.lines.length === 0) errors.push(`The batch has no lines; add journalTransactionLines with operation Insert.`);
  const debit = money(j.lines.reduce((a, l) => a + l.debit, 0));
  const credit = money(j.lines.reduce((a, l) => a + l.credit, 0));
  if (!j.hold && debit !== credit) errors.push(`Batch is out of balance (debit ${debit.toFixed(2)}, credit ${credit.toFixed(2)}). Balance the lines or send hold = true.`);
  j.status = j.hold ? 'Hold' : 'Balanced';
  return errors;
}

function blankJournal(number: string, now: number): JournalTransaction {
  const stamp = isoStamp(now);
  return {
    batchNumber: number, module: 'ModuleGL', status: 'Balanced', hold: false, transactionDate: `${stamp.slice(0, 10)}T00:00:00`, postPeriod: '', financialPeriod: '',
    ledger: 'L', currencyId: 'EUR', exchangeRate: 1, autoReversing: false, description: null, controlTotalInCurrency: 0, createVatTransaction: false,
    skipVatAmountValidation: false, transactionCode: null, branch: '1', lines: [], createdDateTime: stamp, lastModifiedDateTime: stamp, timeStamp: '',
  };
}

const missing = (req: SimRequest): SimResponse => notFound(`Journal transaction with batchNumber = ${req.params.journalTransactionNumber ?? ''} not found.`);

export function registerJournals(r: Router): void {
  r.get('/v2/journaltransaction', listJournals);
  r.get('/v2/journaltransaction/:journalTransactionNumber', (req, ctx) => {
    const hit = ctx.store.journalTransactions.findByKey(req.params.journalTransactionNumber ?? '');
    return hit ? ok(renderJournal(hit.record), etag(ctx, hit.record.timeStamp)) : missing(req);
  });
  r.post('/v2/journaltransaction', (req, ctx) => {
    const b = bind(req, ctx, JournalTransactionUpdateDto);
    if (!b.ok) return b.res;
    const coll = ctx.store.journalTransactions;
    const given = str(b.value.batchNumber);
    const manual = ctx.config.numbering.journalTransactions === 'manual' || b.value.overrideNumberSeries === true;
    if (manual && !given) return recordErrors('Inserting', 'Journal transaction', [`'Batch number' cannot be empty.`]);
    let number = manual && given ? given : batchNumberAt(coll.end);
    for (let n = coll.end + 1; !manual && coll.indexOfKey(number) !== undefined; n++) number = batchNumberAt(n);
    if (coll.indexOfKey(number) !== undefined) return recordErrors('Inserting', 'Journal transaction', [`Batch '${number}' already exists.`]);
    const j = blankJournal(number, ctx.now());
    const errors = applyJournal(j, b.value, true);
    if (errors.length > 0) return recordErrors('Inserting', 'Journal transaction', errors);
    j.timeStamp = ctx.store.versions.next();
    coll.insert(j);
    return created(ctx, `/v2/journaltransaction/${number}`, j.timeStamp);
  });
  r.put('/v2/journaltransaction/:journalTransactionNumber', (req, ctx) => {
    const hit = ctx.store.journalTransactions.findByKey(req.params.journalTransactionNumber ?? '');
    if (!hit) return missing(req);
    const stale = checkIfMatch(req, hit.record.timeStamp, `Journal transaction ${hit.record.batchNumber}`);
    if (stale) return stale;
    const b = bind(req, ctx, JournalTransactionUpdateDto);
    if (!b.ok) return b.res;
    if (hit.record.status === 'Posted' || hit.record.status === 'Released') return recordErrors('Updating', 'Journal transaction', [`Batch ${hit.record.batchNumber} is ${hit.record.status} and cannot be changed.`]);
    const j = structuredClone(hit.record);
    const errors = applyJournal(j, b.value, false);
    if (errors.length > 0) return recordErrors('Updating', 'Journal transaction', errors);
    j.lastModifiedDateTime = isoStamp(ctx.now());
    j.timeStamp = ctx.store.versions.next();
    ctx.store.journalTransactions.put(hit.index, j);
    return noContent(ctx, j.timeStamp);
  });
  r.post('/v2/journaltransaction/:journalTransactionNumber/action/release', (req, ctx) => {
    const hit = ctx.store.journalTransactions.findByKey(req.params.journalTransactionNumber ?? '');
    if (!hit) return missing(req);
    const stale = checkIfMatch(req, hit.record.timeStamp, `Journal transaction ${hit.record.batchNumber}`);
    if (stale) return stale;
    if (hit.record.status !== 'Balanced') return ok({ actionId: randomUUID(), actionResult: 'Failed', errorInfo: `Batch ${hit.record.batchNumber} has status ${hit.record.status}; only Balanced batches can be released.` });
    const j = structuredClone(hit.record);
    j.status = 'Posted';
    j.lastModifiedDateTime = isoStamp(ctx.now());
    j.timeStamp = ctx.store.versions.next();
    ctx.store.journalTransactions.put(hit.index, j);
    return ok({ actionId: randomUUID(), actionResult: 'Done', errorInfo: null }, etag(ctx, j.timeStamp));
  });
}
