import { Component, Suspense, lazy } from 'react';
import type { ReactNode } from 'react';
import type { ExpressionEditorProps } from './monaco/expression-editor';

const ExpressionEditor = lazy(() => import('./monaco/expression-editor'));

/** Plain text area used while Monaco loads, or if it cannot start: the field stays usable either way. */
function Fallback({ value, onChange, label, lines = 3, placeholder }: ExpressionEditorProps) {
  return (
    <textarea
      className="expression-fallback"
      value={value}
      rows={lines}
      aria-label={label}
      placeholder={placeholder}
      spellCheck={false}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

class EditorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** A JSONata expression input with highlighting and completion of upstream field names. */
export function ExpressionField(props: ExpressionEditorProps) {
  const fallback = <Fallback {...props} />;
  return (
    <div className="expression-field">
      <EditorBoundary fallback={fallback}>
        <Suspense fallback={fallback}>
          <ExpressionEditor {...props} />
        </Suspense>
      </EditorBoundary>
    </div>
  );
}
