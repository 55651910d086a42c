import { useTranslation } from 'react-i18next';
import type { Problem } from '../../host/contract';

/** Where in the file a problem is (JSON syntax errors carry a 1-based line and column); nothing when unknown. */
export function ProblemLocation({ problem }: { problem: Pick<Problem, 'line' | 'column'> }) {
  const { t } = useTranslation();
  if (problem.line === undefined) return null;
  const text = problem.column === undefined ? t('problems.line', { line: problem.line }) : t('problems.lineColumn', { line: problem.line, column: problem.column });
  return <span className="mono muted problem-location">{text} </span>;
}
