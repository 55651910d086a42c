import { useTranslation } from 'react-i18next';
import { selectNode } from '../store/graph-actions';
import { useGraph } from '../store/graph.slice';
import { Icon } from '../ui/icon';
import { ProblemLocation } from '../ui/problem-location';

/** Everything `flows.validate` found, each with its fix; clicking selects the node. */
export function ProblemsPanel() {
  const { t } = useTranslation();
  const problems = useGraph((s) => s.problems);
  if (problems.length === 0) return <p className="muted pad">{t('problems.none')}</p>;
  return (
    <ul className="problem-list problems-panel" aria-label={t('problems.heading')}>
      {problems.map((p, i) => (
        <li key={i} className={`problem problem-${p.severity}`}>
          <Icon name="warning" size={14} />
          <div>
            {p.nodeId ? (
              <button type="button" className="link-button mono" onClick={() => selectNode(p.nodeId ?? '')}>
                {p.nodeId}
              </button>
            ) : null}
            {p.field ? <span className="mono muted"> {p.field}</span> : null} <ProblemLocation problem={p} />
            {p.message}
            {p.fix ? <div className="muted small">{p.fix}</div> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
