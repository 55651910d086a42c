import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP, devCsp, isExternalLink, isPermissionAllowed, isTrustedUrl, withCsp } from './security';

describe('content security policy', () => {
  it('is the strict policy the brief fixes', () => {
    expect(CSP).toBe("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; img-src 'self' data:; connect-src 'self'");
    expect(CSP).not.toContain('unsafe-eval');
  });

  it('matches the meta tag of renderer/index.html', () => {
    const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
    const m = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(m?.[1]).toBe(CSP);
  });

  it('relaxes only for the dev server, never scripts from other hosts', () => {
    const dev = devCsp('http://localhost:5173/');
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173");
    expect(dev).not.toContain('unsafe-eval');
  });

  it('replaces any CSP header of a response with ours', () => {
    const h = withCsp({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] }, CSP);
    expect(h).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CSP] });
    expect(withCsp(undefined, CSP)).toEqual({ 'Content-Security-Policy': [CSP] });
  });
});

describe('trusted origins', () => {
  const trusted = { rendererFile: 'file:///opt/Koppel/resources/app.asar/out/renderer/index.html' };

  it('trusts our renderer file, with any hash or query', () => {
    expect(isTrustedUrl('file:///opt/Koppel/resources/app.asar/out/renderer/index.html', trusted)).toBe(true);
    expect(isTrustedUrl('file:///opt/Koppel/resources/app.asar/out/renderer/index.html#/x?y=1', trusted)).toBe(true);
  });

  it('refuses other files, web pages and garbage', () => {
    expect(isTrustedUrl('file:///tmp/evil.html', trusted)).toBe(false);
    expect(isTrustedUrl('https://example.com/', trusted)).toBe(false);
    expect(isTrustedUrl('not a url', trusted)).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', trusted)).toBe(false);
  });

  it('trusts the dev server origin only when one is configured', () => {
    const dev = { ...trusted, devServerUrl: 'http://localhost:5173' };
    expect(isTrustedUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedUrl('http://localhost:5174/', dev)).toBe(false);
  });

  it('grants only the clipboard write permission', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) expect(isPermissionAllowed(p)).toBe(false);
  });

  it('opens only http(s) links externally', () => {
    expect(isExternalLink('https://developer.visma.com/')).toBe(true);
    expect(isExternalLink('file:///etc/passwd')).toBe(false);
    expect(isExternalLink('javascript:alert(1)')).toBe(false);
  });
});
