// The lean editor API plus only the contributions an expression box needs (no bundled languages, no CDN).
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/contrib/placeholderText/browser/placeholderText.contribution';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { JSONATA_LANGUAGE_ID, jsonataConfiguration, jsonataMonarch, suggestionsFor } from './jsonata-language';

/** Field paths per editor model, set by each expression editor from the last run's samples. */
const fieldsByModel = new Map<string, readonly string[]>();

export function setModelFields(uri: string, fields: readonly string[]): void {
  fieldsByModel.set(uri, fields);
}
export function forgetModel(uri: string): void {
  fieldsByModel.delete(uri);
}

let ready = false;

export function setupMonaco(): typeof monaco {
  if (ready) return monaco;
  ready = true;
  self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
  monaco.languages.register({ id: JSONATA_LANGUAGE_ID });
  monaco.languages.setMonarchTokensProvider(JSONATA_LANGUAGE_ID, jsonataMonarch);
  monaco.languages.setLanguageConfiguration(JSONATA_LANGUAGE_ID, jsonataConfiguration);
  monaco.languages.registerCompletionItemProvider(JSONATA_LANGUAGE_ID, {
    triggerCharacters: ['$', '.', '`'],
    provideCompletionItems(model, position) {
      const line = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const m = /[$A-Za-z0-9_.`]*$/.exec(line);
      const word = m?.[0] ?? '';
      const range = new monaco.Range(position.lineNumber, position.column - word.length, position.lineNumber, position.column);
      const fields = fieldsByModel.get(model.uri.toString()) ?? [];
      return {
        suggestions: suggestionsFor(word, fields).map((s, i) => ({
          label: s.label,
          kind: s.kind === 'function' ? monaco.languages.CompletionItemKind.Function : monaco.languages.CompletionItemKind.Field,
          insertText: s.insertText,
          detail: s.detail,
          range,
          sortText: String(i).padStart(5, '0'),
        })),
      };
    },
  });
  monaco.editor.defineTheme('koppel', {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'predefined', foreground: '7a3fd1' },
      { token: 'variable', foreground: '7a3fd1' },
      { token: 'identifier', foreground: '1d4f91' },
      { token: 'keyword', foreground: 'b5462b', fontStyle: 'bold' },
      { token: 'string', foreground: '2b7a3d' },
      { token: 'number', foreground: 'a35d00' },
      { token: 'comment', foreground: '8590a2', fontStyle: 'italic' },
      { token: 'operator', foreground: '5b6576' },
    ],
    colors: { 'editor.background': '#ffffff', 'editorLineNumber.foreground': '#a7b0bf' },
  });
  return monaco;
}
