// The timeline: people per week or month and term (the sum of the facts' people in each period,
// one line per term), drawn with uPlot. A table of the same numbers follows for screen readers
// and for reading exact values.
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import type { TimeseriesPoint } from '../api.js';
import { formatNumber, TERM_COLOURS, termLabel } from '../format.js';

export interface TimelineSeries {
  periods: string[];
  terms: string[];
  /** values[t][p]: people of term t in period p, null when none was reported. */
  values: (number | null)[][];
}

/** Pivots the API's (period, term) rows into one series per term over the sorted periods. */
export function pivotTimeseries(items: TimeseriesPoint[]): TimelineSeries {
  const periods = [...new Set(items.map((i) => i.period))].sort();
  const terms = [...new Set(items.map((i) => i.term))].sort();
  const pIndex = new Map(periods.map((p, i) => [p, i]));
  const values = terms.map(() => periods.map((): number | null => null));
  for (const i of items) {
    const row = values[terms.indexOf(i.term)];
    const p = pIndex.get(i.period);
    if (row && p !== undefined) row[p] = (row[p] ?? 0) + (i.sum_people ?? 0);
  }
  return { periods, terms, values };
}

interface Props {
  items: TimeseriesPoint[];
  interval: 'week' | 'month';
  onInterval: (i: 'week' | 'month') => void;
}

export function Timeline({ items, interval, onInterval }: Props): JSX.Element {
  const el = useRef<HTMLDivElement>(null);
  const series = useMemo(() => pivotTimeseries(items), [items]);

  useEffect(() => {
    const box = el.current;
    if (!box || series.periods.length === 0) return;
    const xs = series.periods.map((p) => Date.parse(`${p}T00:00:00Z`) / 1000);
    const plot = new uPlot(
      {
        width: Math.max(280, box.clientWidth),
        height: 240,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        legend: { live: false },
        scales: { x: { time: true } },
        axes: [{}, { values: (_u, vals) => vals.map((v) => formatNumber(v)), size: 70 }],
        series: [
          {},
          ...series.terms.map((t) => ({
            label: termLabel(t),
            stroke: TERM_COLOURS[t] ?? '#333',
            width: 2,
            points: { show: true, size: 6 },
            spanGaps: false,
          })),
        ],
      },
      [xs, ...series.values],
      box,
    );
    const ro = new ResizeObserver(() => plot.setSize({ width: Math.max(280, box.clientWidth), height: 240 }));
    ro.observe(box);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [series]);

  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <div class="section-head">
        <h2 id="timeline-title">People per {interval} and term</h2>
        <div role="group" aria-label="Interval" class="toggle">
          {(['month', 'week'] as const).map((i) => (
            <button type="button" key={i} aria-pressed={interval === i} onClick={() => onInterval(i)}>
              per {i}
            </button>
          ))}
        </div>
      </div>
      {series.periods.length === 0 ? (
        <p class="muted">No dated facts match these filters.</p>
      ) : (
        <>
          <div ref={el} class="chart" aria-hidden="true" />
          <details>
            <summary>The numbers</summary>
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">People per {interval} and term</caption>
                <thead>
                  <tr>
                    <th scope="col">{interval}</th>
                    {series.terms.map((t) => (
                      <th scope="col" key={t}>
                        {termLabel(t)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {series.periods.map((p, pi) => (
                    <tr key={p}>
                      <th scope="row">{p}</th>
                      {series.values.map((row, ti) => (
                        <td key={ti} class="num">
                          {formatNumber(row[pi])}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
