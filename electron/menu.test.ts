import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS } from '../host/contract';
import type { MenuCommandName } from '../host/contract';
import { buildMenuTemplate, buildTrayTemplate } from './menu';
import { MENU_LABELS, menuLanguage } from './menu-labels';

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

/** Clicks an item the way Electron would, without needing Electron's MenuItem and window objects. */
function press(item: MenuItemConstructorOptions | undefined): void {
  const fn: unknown = item?.click;
  if (typeof fn !== 'function') throw new Error(`not clickable: ${String(item?.label)}`);
  Reflect.apply(fn, item, []);
}

function setup(isMac: boolean) {
  const sent: MenuCommandName[] = [];
  const other: string[] = [];
  const template = buildMenuTemplate(MENU_LABELS.en, { send: (c) => sent.push(c), open: () => other.push('open'), saveAs: () => other.push('saveAs'), quit: () => other.push('quit') }, isMac);
  const items = flatten(template);
  const click = (label: string) => press(items.find((i) => i.label === label));
  return { template, items, sent, other, click };
}

describe('application menu', () => {
  it('offers New, Open, Save, Save As, Export, Import, Run, Dry run and Stop with the usual shortcuts', () => {
    const { items } = setup(false);
    const acc = (label: string) => items.find((i) => i.label === label)?.accelerator;
    expect(acc('&New flow')).toBe('CmdOrCtrl+N');
    expect(acc('&Open…')).toBe('CmdOrCtrl+O');
    expect(acc('&Save')).toBe('CmdOrCtrl+S');
    expect(acc('Save &as…')).toBe('CmdOrCtrl+Shift+S');
    expect(acc('&Export flow file…')).toBe('CmdOrCtrl+E');
    expect(acc('&Import flow file…')).toBe('CmdOrCtrl+I');
    expect(acc('&Run flow')).toBe('CmdOrCtrl+Enter');
    expect(acc('&Dry run')).toBe('CmdOrCtrl+Shift+Enter');
    expect(acc('&Stop')).toBe('CmdOrCtrl+.');
    expect(acc('&Redo')).toBe('Ctrl+Y');
  });

  it('sends commands to the renderer and opens native dialogs for Open and Save As', () => {
    const s = setup(false);
    for (const label of ['&New flow', '&Save', '&Export flow file…', '&Import flow file…', '&Run flow', '&Dry run', '&Stop', '&Undo', '&Redo', '&Connections', 'Tidy up &layout', '&Zoom to fit']) s.click(label);
    expect(s.sent).toEqual(['new', 'save', 'export', 'import', 'run', 'dryRun', 'stop', 'undo', 'redo', 'connections', 'autoLayout', 'zoomFit']);
    expect(s.sent.every((c) => MENU_COMMANDS.includes(c))).toBe(true);
    s.click('&Open…');
    s.click('Save &as…');
    s.click('&Quit Koppel');
    expect(s.other).toEqual(['open', 'saveAs', 'quit']);
  });

  it('does not register the shortcuts the renderer handles, so a key never fires twice', () => {
    const { items } = setup(false);
    const custom = items.filter((i) => i.accelerator && i.label !== '&Quit Koppel');
    expect(custom.length).toBeGreaterThanOrEqual(11);
    for (const i of custom) expect(i.registerAccelerator).toBe(false);
    expect(items.filter((i) => i.role === 'copy' || i.role === 'paste' || i.role === 'cut')).toHaveLength(3);
  });

  it('follows macOS conventions there', () => {
    const mac = setup(true);
    expect(mac.template[0]?.role).toBe('appMenu');
    expect(mac.items.some((i) => i.label === '&Quit Koppel')).toBe(false);
    expect(mac.items.find((i) => i.label === '&Redo')?.accelerator).toBe('Cmd+Shift+Z');
  });

  it('has translated labels for every language', () => {
    expect(Object.keys(MENU_LABELS.de).sort()).toEqual(Object.keys(MENU_LABELS.en).sort());
    expect(Object.keys(MENU_LABELS.nl).sort()).toEqual(Object.keys(MENU_LABELS.en).sort());
    expect(menuLanguage('nl-NL')).toBe('nl');
    expect(menuLanguage('de')).toBe('de');
    expect(menuLanguage('fr')).toBe('en');
    expect(menuLanguage(undefined)).toBe('en');
  });
});

describe('tray menu', () => {
  it('toggles show/hide and quits', () => {
    const calls: string[] = [];
    const hidden = buildTrayTemplate(MENU_LABELS.en, false, { toggle: () => calls.push('toggle'), quit: () => calls.push('quit') });
    expect(hidden.map((i) => i.label ?? i.type)).toEqual(['Show Koppel', 'separator', 'Quit Koppel']);
    expect(buildTrayTemplate(MENU_LABELS.nl, true, { toggle: () => {}, quit: () => {} })[0]?.label).toBe('Koppel verbergen');
    press(hidden[0]);
    press(hidden[2]);
    expect(calls).toEqual(['toggle', 'quit']);
  });
});
