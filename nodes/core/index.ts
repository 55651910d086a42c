import type { AnyNodeDefinition } from '../../engine';
import { filterNode } from './filter';
import { mapNode } from './map';
import { manualTrigger } from './trigger-manual';

export { filterNode, mapNode, manualTrigger };
export { compileCondition, conditionOps, conditionSchema } from './conditions';
export type { Condition, ConditionOp } from './conditions';

/** The core node definitions, for the catalogue. */
export const coreNodes: readonly AnyNodeDefinition[] = [manualTrigger, filterNode, mapNode];
