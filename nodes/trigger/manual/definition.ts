import { z } from 'zod';
import { defineNode } from '../../../engine';

/** Starts a flow when a person presses Run; the one empty item it emits is what gets fetch nodes going. */
export const manualTrigger = defineNode({
  type: 'trigger.manual',
  version: 1,
  title: 'Manual start',
  category: 'trigger',
  description: 'Starts the flow when you press Run.',
  icon: 'play',
  inputs: [],
  outputs: [{ name: 'out', title: 'Start', description: 'One empty record that starts the next step.' }],
  params: z.strictObject({}),
  async *run() {
    yield { port: 'out', items: [{ key: 'manual', json: {} }] };
  },
});
