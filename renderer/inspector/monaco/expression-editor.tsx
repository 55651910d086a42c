import { useEffect, useRef } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { forgetModel, setModelFields, setupMonaco } from './monaco-setup';
import { JSONATA_LANGUAGE_ID } from './jsonata-language';

export interface ExpressionEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Accessible name of the editor's text area. */
  label: string;
  fieldPaths: readonly string[];
  lines?: number;
  placeholder?: string;
}

/** Monaco for JSONata: highlighting and completion of the upstream node's field names. */
export default function ExpressionEditor({ value, onChange, label, fieldPaths, lines = 3, placeholder }: ExpressionEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    const monaco = setupMonaco();
    const model = monaco.editor.createModel(value, JSONATA_LANGUAGE_ID);
    const editor = monaco.editor.create(host.current, {
      model,
      theme: 'koppel',
      ariaLabel: label,
      placeholder,
      minimap: { enabled: false },
      lineNumbers: 'off',
      glyphMargin: false,
      folding: false,
      lineDecorationsWidth: 6,
      scrollBeyondLastLine: false,
      wordWrap: 'on',
      fontSize: 13,
      fontFamily: 'var(--mono)',
      renderLineHighlight: 'none',
      overviewRulerLanes: 0,
      hideCursorInOverviewRuler: true,
      scrollbar: { vertical: 'auto', horizontal: 'hidden', alwaysConsumeMouseWheel: false },
      automaticLayout: true,
      tabFocusMode: true,
      fixedOverflowWidgets: true,
      quickSuggestions: { other: true, strings: false, comments: false },
      suggestOnTriggerCharacters: true,
    });
    editorRef.current = editor;
    const sub = editor.onDidChangeModelContent(() => onChangeRef.current(model.getValue()));
    return () => {
      sub.dispose();
      forgetModel(model.uri.toString());
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // The editor is created once; value and fields are synced by the effects below.
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model && model.getValue() !== value) model.setValue(value);
  }, [value]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) setModelFields(model.uri.toString(), fieldPaths);
  }, [fieldPaths]);

  // Label and placeholder follow a language switch.
  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel: label, placeholder });
  }, [label, placeholder]);

  return <div ref={host} className="expression-editor" style={{ height: `${Math.max(1, lines) * 20 + 10}px` }} />;
}
