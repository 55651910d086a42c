import type { Language } from '../host/contract';

/** Menu and tray texts in the app's three languages. */
export type MenuLanguage = Language;

export interface MenuLabels {
  file: string;
  newFlow: string;
  open: string;
  save: string;
  saveAs: string;
  export: string;
  import: string;
  connections: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  run: string;
  runFlow: string;
  dryRun: string;
  stop: string;
  view: string;
  autoLayout: string;
  zoomFit: string;
  help: string;
  show: string;
  hide: string;
  trayTooltip: string;
  flowFiles: string;
}

export const MENU_LABELS: Record<MenuLanguage, MenuLabels> = {
  en: {
    file: '&File',
    newFlow: '&New flow',
    open: '&Open…',
    save: '&Save',
    saveAs: 'Save &as…',
    export: '&Export flow file…',
    import: '&Import flow file…',
    connections: '&Connections',
    quit: '&Quit Koppel',
    edit: '&Edit',
    undo: '&Undo',
    redo: '&Redo',
    run: '&Run',
    runFlow: '&Run flow',
    dryRun: '&Dry run',
    stop: '&Stop',
    view: '&View',
    autoLayout: 'Tidy up &layout',
    zoomFit: '&Zoom to fit',
    help: '&Help',
    show: 'Show Koppel',
    hide: 'Hide Koppel',
    trayTooltip: 'Koppel — schedules keep running',
    flowFiles: 'Koppel flow',
  },
  de: {
    file: '&Datei',
    newFlow: '&Neuer Flow',
    open: '&Öffnen…',
    save: '&Speichern',
    saveAs: 'Speichern &unter…',
    export: 'Flow-Datei &exportieren…',
    import: 'Flow-Datei &importieren…',
    connections: '&Verbindungen',
    quit: 'Koppel &beenden',
    edit: '&Bearbeiten',
    undo: '&Rückgängig',
    redo: '&Wiederholen',
    run: '&Ausführen',
    runFlow: 'Flow &ausführen',
    dryRun: '&Probelauf',
    stop: '&Stoppen',
    view: '&Ansicht',
    autoLayout: 'Anordnung &aufräumen',
    zoomFit: '&Alles anzeigen',
    help: '&Hilfe',
    show: 'Koppel anzeigen',
    hide: 'Koppel ausblenden',
    trayTooltip: 'Koppel – Zeitpläne laufen weiter',
    flowFiles: 'Koppel-Flow',
  },
  nl: {
    file: '&Bestand',
    newFlow: '&Nieuwe flow',
    open: '&Openen…',
    save: 'Op&slaan',
    saveAs: 'Opslaan &als…',
    export: 'Flowbestand &exporteren…',
    import: 'Flowbestand &importeren…',
    connections: '&Koppelingen',
    quit: 'Koppel &afsluiten',
    edit: 'Be&werken',
    undo: '&Ongedaan maken',
    redo: 'O&pnieuw',
    run: '&Uitvoeren',
    runFlow: 'Flow &uitvoeren',
    dryRun: '&Proefrun',
    stop: '&Stoppen',
    view: 'Beel&d',
    autoLayout: 'Indeling &opruimen',
    zoomFit: '&Alles tonen',
    help: '&Help',
    show: 'Koppel tonen',
    hide: 'Koppel verbergen',
    trayTooltip: 'Koppel — planningen blijven lopen',
    flowFiles: 'Koppel-flow',
  },
};

export function menuLanguage(tag: string | undefined): MenuLanguage {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'de' || base === 'nl' ? base : 'en';
}
