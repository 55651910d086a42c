import { barLayout, defaultBox, labelEvery, linePoints, niceMax, ticks, yOf } from './chart-scale';

export interface ChartPoint {
  label: string;
  value: number;
}

interface ChartProps {
  title: string;
  /** Sentence a screen reader reads instead of the picture. */
  summary: string;
  points: ChartPoint[];
  format: (v: number) => string;
  testId: string;
  kind: 'bar' | 'line';
  /** Fixed top of the axis (e.g. 1 for rates); otherwise a round number above the largest value. */
  max?: number;
}

/** A small SVG chart with an accessible summary and a visually hidden table of the figures. */
export function Chart({ title, summary, points, format, testId, kind, max }: ChartProps) {
  const box = defaultBox;
  const values = points.map((p) => p.value);
  const top = max ?? niceMax(Math.max(0, ...values));
  const every = labelEvery(points.length);
  const bars = kind === 'bar' ? barLayout(values, top, box) : [];
  const pts = kind === 'line' ? linePoints(values, top, box) : [];
  const xs = (kind === 'bar' ? bars.map((b) => b.x + b.width / 2) : pts.map((p) => p.x));
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart-title">{title}</figcaption>
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={summary} preserveAspectRatio="none">
        {ticks(top).map((v) => (
          <g key={v} className="chart-grid">
            <line x1={box.left} x2={box.width} y1={yOf(v, top, box)} y2={yOf(v, top, box)} />
            <text x={box.left - 4} y={yOf(v, top, box) + 3} textAnchor="end">
              {format(v)}
            </text>
          </g>
        ))}
        {bars.map((b, i) => (
          <rect key={points[i]?.label ?? i} className="chart-bar" x={b.x} y={b.y} width={b.width} height={b.height} />
        ))}
        {pts.length > 0 ? <polyline className="chart-line" points={pts.map((p) => `${p.x},${p.y}`).join(' ')} /> : null}
        {pts.map((p, i) => (
          <circle key={points[i]?.label ?? i} className="chart-dot" cx={p.x} cy={p.y} r={2.5} />
        ))}
        {/* Every `every`-th label and the last one, without one crowding the last. */}
        {points.map((p, i) =>
          (i % every === 0 && points.length - 1 - i >= every / 2) || i === points.length - 1 ? (
            <text key={p.label} className="chart-x" x={xs[i] ?? 0} y={box.height - 6} textAnchor="middle">
              {p.label}
            </text>
          ) : null,
        )}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <tbody>
          {points.map((p) => (
            <tr key={p.label}>
              <th scope="row">{p.label}</th>
              <td>{format(p.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
