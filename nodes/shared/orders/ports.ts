import type { PortSpec } from '../../../engine';

/** The ports every "post order" node has. */
export const postOrderPorts = {
  inputs: [{ name: 'in', title: 'Orders', description: 'Orders from "Fetch orders", usually through "Find or create customer".' }] satisfies PortSpec[],
  outputs: (what: string): PortSpec[] => [
    { name: 'out', title: 'Posted', description: `Orders posted as ${what} or found already posted; "visma" holds the document id.` },
    { name: 'error', title: 'Error', description: 'Orders that could not be posted, with the reason; no document was posted for them.' },
  ],
};
