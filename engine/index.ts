// The engine's public surface: flow files, expressions, the executor, run events and the ledger.
export * from './json';
export * from './message';
export * from './types';
export * from './item';
export * from './hash';
export * from './path';
export { createCatalog } from './catalog';

export * from './flow/schema';
export { problemSchema, hasErrors, formatPath } from './flow/problems';
export type { Problem } from './flow/problems';
export { parseFlow } from './flow/parse';
export type { ParseFlowResult } from './flow/parse';
export { formatMigrations, migrateFormat, migrateNodes } from './flow/migrate';
export type { FormatMigration } from './flow/migrate';
export { validateFlow } from './flow/validate';
export type { ValidateOptions } from './flow/validate';
export { serializeFlow } from './flow/serialize';
export { exportFlow } from './flow/export';
export type { ExportFinding, ExportResult } from './flow/export';
export { riskyKey, riskyText } from './flow/secret-guard';
export { flowJsonSchema } from './flow/json-schema';
export { findCycles, reachableFrom } from './flow/graph';

export { createExpressionCompiler, compileJsonata } from './expr/compiler';
export type { ExpressionCompilerOptions } from './expr/compiler';
export { ExpressionError } from './expr/errors';
export type { ExpressionErrorKind } from './expr/errors';
export { tableReferences } from './expr/table-refs';
export { round2, exVat, incVat } from './expr/helpers';

export * from './run/events';
export { runFlow } from './run/executor';
export type { RunFlowOptions } from './run/executor';
export type { RunSummary, NodeSummary } from './run/summary';
export { Channel } from './run/channel';

export { openLedger } from './ledger/ledger';
export type { Ledger, OpenLedgerOptions } from './ledger/ledger';
export { koppelHome, ledgerPath } from './ledger/paths';
export type { Recorder, RecorderOptions } from './ledger/recorder';
export type { RunRecord, RecordRow, StoredEvent } from './ledger/rows';
export type { ListRunsOptions, PendingWriteRow, RunDetail, TimelineEntry } from './ledger/queries';
export type { PruneOptions } from './ledger/maintenance';
export { PERSONAL_FIELDS, redactJson, isPersonalField } from './ledger/redact';
export type { PayloadLogging } from './ledger/redact';

export { memoryNodeLedger, runNodeOnce } from './testing';
export type { MemoryNodeLedger, NodeHarnessOptions, NodeHarnessResult } from './testing';
