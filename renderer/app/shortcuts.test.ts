import { describe, expect, it } from 'vitest';
import { matchShortcut, shortcutLabel } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('maps the menu shortcuts with Ctrl', () => {
    expect(matchShortcut(key('s', { ctrlKey: true }), false, false)).toBe('save');
    expect(matchShortcut(key('S', { ctrlKey: true, shiftKey: true }), false, false)).toBe('saveAs');
    expect(matchShortcut(key('Enter', { ctrlKey: true }), false, false)).toBe('run');
    expect(matchShortcut(key('Enter', { ctrlKey: true, shiftKey: true }), false, false)).toBe('dryRun');
    expect(matchShortcut(key('z', { ctrlKey: true }), false, false)).toBe('undo');
    expect(matchShortcut(key('y', { ctrlKey: true }), false, false)).toBe('redo');
    expect(matchShortcut(key('Z', { ctrlKey: true, shiftKey: true }), false, false)).toBe('redo');
    expect(matchShortcut(key('c', { ctrlKey: true }), false, false)).toBe('copy');
    expect(matchShortcut(key('v', { ctrlKey: true }), false, false)).toBe('paste');
  });

  it('uses Cmd on macOS and ignores Ctrl there', () => {
    expect(matchShortcut(key('s', { metaKey: true }), true, false)).toBe('save');
    expect(matchShortcut(key('s', { ctrlKey: true }), true, false)).toBeNull();
  });

  it('ignores plain keys and Alt combinations', () => {
    expect(matchShortcut(key('s'), false, false)).toBeNull();
    expect(matchShortcut(key('s', { ctrlKey: true, altKey: true }), false, false)).toBeNull();
  });

  it('leaves text editing keys to text fields but still saves and runs from them', () => {
    expect(matchShortcut(key('z', { ctrlKey: true }), false, true)).toBeNull();
    expect(matchShortcut(key('v', { ctrlKey: true }), false, true)).toBeNull();
    expect(matchShortcut(key('s', { ctrlKey: true }), false, true)).toBe('save');
    expect(matchShortcut(key('Enter', { ctrlKey: true }), false, true)).toBe('run');
  });

  it('labels shortcuts per platform', () => {
    expect(shortcutLabel('save', false)).toBe('Ctrl+S');
    expect(shortcutLabel('save', true)).toBe('⌘S');
    expect(shortcutLabel('redo', false)).toBe('Ctrl+Y');
  });
});
