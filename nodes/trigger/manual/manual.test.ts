import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { runNodeOnce } from '../../../engine';
import { definitions } from '../../catalog';

const coreNodes = definitions.filter((d) => d.type.startsWith('core.') || d.type.startsWith('trigger.'));
import { manualTrigger } from './definition';

describe('trigger.manual', () => {
  it('emits one empty record keyed manual', async () => {
    const r = await runNodeOnce(manualTrigger, { params: {} });
    expect(r.batches).toEqual([{ port: 'out', items: [{ key: 'manual', json: {} }] }]);
  });
});

describe('core node catalogue', () => {
  it('has the three core nodes, each with a JSON Schema and UI hints the renderer can use', () => {
    expect(coreNodes.map((n) => n.type)).toEqual(['trigger.manual', 'core.filter', 'core.map']);
    for (const def of coreNodes) {
      const schema = z.toJSONSchema(def.params, { io: 'input' });
      expect(schema.type).toBe('object');
    }
    const map = z.toJSONSchema(coreNodes[2]?.params ?? z.object({}), { io: 'input' });
    expect(JSON.stringify(map)).toContain('"widget":"mapper"');
    const filter = z.toJSONSchema(coreNodes[1]?.params ?? z.object({}), { io: 'input' });
    expect(JSON.stringify(filter)).toContain('"widget":"conditions"');
  });
});
