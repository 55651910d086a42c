import type { SlotType } from '../engine/flow/schema';

/** How a slot/connection type is called in messages. */
export const TYPE_LABEL: Record<SlotType, string> = { 'visma-net': 'Visma.net', 'ccv-shop': 'CCV Shop' };
