import { z } from 'zod';
import { flowDocumentSchema } from './schema';

/** JSON Schema of the flow-file format (what a file may contain, defaults optional), for `koppel schema` and editors. */
export function flowJsonSchema(): Record<string, unknown> {
  const schema: Record<string, unknown> = z.toJSONSchema(flowDocumentSchema, { io: 'input' });
  return { ...schema, title: 'Koppel flow file', description: 'A Koppel integration flow (*.flow.json).' };
}
