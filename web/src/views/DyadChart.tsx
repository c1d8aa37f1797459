// uPlot (a separate chunk): events per period as bars, mean Goldstein as a line on its own axis, and
// the QuadClass shares per period below. The table next to it carries the same numbers as text.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { QUAD_NAMES } from '../lib/format';

interface Period {
  period: string;
  count: number;
  goldsteinMean?: number | null;
  quadCounts: { quadClass: number; count: number }[];
}

const QUAD_COLOURS = ['#1b7837', '#5aae61', '#d6604d', '#b2182b'];
const HALF_PERIOD_S: Record<string, number> = { WEEK: 3.5 * 86400, MONTH: 15 * 86400, YEAR: 182 * 86400 };
/** Half a period of room on both sides, so the first and last bars are whole. */
const padded = (interval: string) => (_u: uPlot, min: number, max: number): uPlot.Range.MinMax => [min - HALF_PERIOD_S[interval], max + HALF_PERIOD_S[interval]];

export default function DyadChart({ series, interval }: { series: Period[]; interval: string }) {
  const top = useRef<HTMLDivElement>(null);
  const bottom = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const x = series.map((p) => Date.parse(`${p.period}T00:00:00Z`) / 1000);
    const width = Math.max(320, (top.current?.clientWidth ?? 800) - 8);
    const bars = uPlot.paths.bars!({ size: [0.6, 40] });
    const counts = new uPlot({
      width, height: 220, title: `Events and mean Goldstein per ${interval.toLowerCase()}`,
      scales: { x: { time: true, range: padded(interval) }, n: { range: (_u, _min, max) => [0, Math.max(1, max)] }, g: { range: [-10, 10] } },
      axes: [{}, { scale: 'n', label: 'events', incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] }, { scale: 'g', side: 1, label: 'Goldstein', grid: { show: false } }],
      series: [
        {},
        { label: 'events', scale: 'n', fill: 'rgba(40,90,160,0.45)', stroke: '#285aa0', paths: bars },
        { label: 'mean Goldstein', scale: 'g', stroke: '#8a4f00', width: 2, points: { show: true } },
      ],
    }, [x, series.map((p) => p.count), series.map((p) => p.goldsteinMean ?? null)], top.current!);
    const shares = new uPlot({
      width, height: 180, title: 'QuadClass shares (%)',
      scales: { x: { time: true, range: padded(interval) }, y: { range: [0, 100] } },
      series: [{}, ...[1, 2, 3, 4].map((q, i) => ({ label: QUAD_NAMES[q], stroke: QUAD_COLOURS[i], width: 2, points: { show: true } }))],
    }, [x, ...[1, 2, 3, 4].map((q) => series.map((p) => (p.count ? (100 * (p.quadCounts.find((c) => c.quadClass === q)?.count ?? 0)) / p.count : null)))], bottom.current!);
    return () => {
      counts.destroy();
      shares.destroy();
    };
  }, [series, interval]);
  return (
    <figure data-testid="dyad-chart" class="chart" aria-label="Chart of the dyad over time; the table below has the same numbers">
      <div ref={top} />
      <div ref={bottom} />
    </figure>
  );
}
