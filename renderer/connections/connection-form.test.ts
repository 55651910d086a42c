import { describe, expect, it } from 'vitest';
import { draftFromConnection, newDraft, toSaveInput, validateDraft } from './connection-form';

describe('connection form', () => {
  it('requires the Visma credentials and a company tenant GUID', () => {
    expect(validateDraft(newDraft('visma-net'))).toEqual({ name: 'required', clientId: 'required', secret: 'required', tenantId: 'required' });
    const d = { ...newDraft('visma-net'), name: 'ERP', values: { clientId: 'isv_acme', secret: 's3cret', tenantId: 'not-a-guid' } };
    expect(validateDraft(d)).toEqual({ tenantId: 'guid' });
    expect(validateDraft({ ...d, values: { ...d.values, tenantId: 'af1140c1-1234-4321-abcd-0123456789ab' } })).toEqual({});
  });

  it('checks URLs: https, or plain http only on this computer', () => {
    const base = { ...newDraft('ccv-shop'), name: 'Shop', values: { publicKey: 'pk', secret: 'sk' } };
    expect(validateDraft({ ...base, values: { ...base.values, baseUrl: 'https://shop.example.nl/' } })).toEqual({});
    expect(validateDraft({ ...base, values: { ...base.values, baseUrl: 'http://shop.example.nl' } })).toEqual({ baseUrl: 'https' });
    expect(validateDraft({ ...base, values: { ...base.values, baseUrl: 'http://127.0.0.1:5050' } })).toEqual({});
    expect(validateDraft({ ...base, values: { ...base.values, baseUrl: 'shop.example.nl' } })).toEqual({ baseUrl: 'url' });
    expect(validateDraft({ ...base, values: { ...base.values, baseUrl: 'ftp://x' } })).toEqual({ baseUrl: 'url' });
  });

  it('keeps the stored secret when editing with an empty secret field', () => {
    const d = draftFromConnection({ id: 'c1', type: 'ccv-shop', name: 'Shop', settings: { baseUrl: 'https://s.nl', publicKey: 'pk' }, hasSecret: true, demo: false });
    expect(validateDraft(d)).toEqual({});
    expect(toSaveInput(d)).toEqual({ id: 'c1', type: 'ccv-shop', name: 'Shop', settings: { baseUrl: 'https://s.nl', publicKey: 'pk' } });
  });

  it('builds the save input: trimmed, URL without trailing slash, empty advanced fields left out, secret apart', () => {
    const d = { ...newDraft('visma-net'), name: ' ERP ', values: { clientId: ' id ', secret: 'pw', tenantId: 't', apiUrl: 'https://api.finance.visma.net/', tokenUrl: '  ' } };
    expect(toSaveInput(d)).toEqual({ type: 'visma-net', name: 'ERP', settings: { clientId: 'id', tenantId: 't', apiUrl: 'https://api.finance.visma.net' }, secret: 'pw' });
  });
});
