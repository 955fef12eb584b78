// The timeline, flows and stocks apart (series.ts says why): new movements per week or month
// and term, and the people reported still displaced, each drawn with uPlot and followed by a
// table of the same numbers for screen readers and for reading exact values.
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import type { TimeseriesPoint } from '../api.js';
import { formatNumber, TERM_COLOURS, termLabel } from '../format.js';
import { pivotTimeseries, type Kind, type TimelineSeries } from '../series.js';

function Chart({
  series,
  colours,
  hidden,
}: {
  series: TimelineSeries;
  colours: Record<string, string>;
  hidden: boolean;
}): JSX.Element {
  const el = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shown = useRef<TimelineSeries | null>(null);
  const data = (s: TimelineSeries): uPlot.AlignedData => [
    s.periods.map((p) => Date.parse(`${p}T00:00:00Z`) / 1000),
    ...s.values,
  ];
  // The chart is built once; a filter change hands it the new numbers (setData) and, when its
  // lines (terms, colours) changed, swaps its series (delSeries, addSeries) instead of a new
  // canvas, axes and legend: a term set or cleared rebuilt the chart, the better part of the
  // page's script time on such a change.
  const lines = `${series.terms.join(',')}|${series.terms.map((t) => colours[t]).join(',')}`;
  const drawnLines = useRef('');
  const line = (t: string): uPlot.Series => ({
    label: termLabel(t),
    stroke: colours[t] ?? '#333',
    width: 2,
    points: { show: true, size: 6 },
    spanGaps: false,
  });
  useEffect(() => {
    const box = el.current;
    if (!box) return;
    const u = new uPlot(
      {
        width: Math.max(280, box.clientWidth),
        height: 220,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        legend: { live: false },
        scales: { x: { time: true } },
        axes: [{}, { values: (_u, vals) => vals.map((v) => formatNumber(v)), size: 70 }],
        series: [{}, ...series.terms.map(line)],
      },
      data(series),
      box,
    );
    plot.current = u;
    shown.current = series;
    drawnLines.current = lines;
    const ro = new ResizeObserver(() => u.setSize({ width: Math.max(280, box.clientWidth), height: 220 }));
    ro.observe(box);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, []);
  useEffect(() => {
    const u = plot.current;
    if (!u || shown.current === series) return;
    if (drawnLines.current !== lines) {
      for (let i = u.series.length - 1; i >= 1; i--) u.delSeries(i);
      for (const t of series.terms) u.addSeries(line(t));
      drawnLines.current = lines;
    }
    u.setData(data(series));
    shown.current = series;
  }, [series, lines]);
  return <div ref={el} class="chart" aria-hidden="true" hidden={hidden} />;
}

function Panel({
  kind,
  series,
  heading,
  period,
  empty,
  colours,
}: {
  kind: Kind;
  series: TimelineSeries;
  heading: string;
  period: string;
  empty: string;
  colours: Record<string, string>;
}): JSX.Element {
  const id = `timeline-${kind}`;
  // The table is built when it is opened: hundreds of rows rebuilt on every filter change while
  // nobody reads them were a good part of the page's time on a change.
  const [open, setOpen] = useState(false);
  return (
    <section class={`timeline-panel ${kind}`} aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {/* Kept (hidden) while no figure matches: a filter that matches nothing and the next that
          matches again would otherwise destroy the chart and build it again (canvas, axes, legend),
          the better part of the page's script time on that change. */}
      <Chart series={series} colours={colours} hidden={series.periods.length === 0} />
      {series.periods.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <>
          <details onToggle={(e) => setOpen(e.currentTarget.open)}>
            <summary>The numbers</summary>
            {open ? (
              <div class="table-wrap">
                <table>
                  <caption class="visually-hidden">{heading}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{period}</th>
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
            ) : null}
          </details>
        </>
      )}
    </section>
  );
}

interface Props {
  items: TimeseriesPoint[];
  /** The period of the rows; without onInterval there is no week/month switch (an event's days). */
  interval: 'week' | 'month' | 'day';
  onInterval?: (i: 'week' | 'month') => void;
  /** How flows of one period and term combine: facts add up; an event's claims are running totals. */
  flows?: 'sum' | 'max';
  colours?: Record<string, string>;
}

export function Timeline({
  items,
  interval,
  onInterval,
  flows = 'sum',
  colours = TERM_COLOURS,
}: Props): JSX.Element {
  const flow = useMemo(() => pivotTimeseries(items, 'flow', flows), [items, flows]);
  const stock = useMemo(() => pivotTimeseries(items, 'stock'), [items]);
  const per = interval === 'day' ? 'date' : interval;
  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <div class="section-head">
        <h2 id="timeline-title">Timeline</h2>
        {onInterval && interval !== 'day' ? (
          <div role="group" aria-label="Interval" class="toggle">
            {(['month', 'week'] as const).map((i) => (
              <button type="button" key={i} aria-pressed={interval === i} onClick={() => onInterval(i)}>
                per {i}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <Panel
        kind="flow"
        series={flow}
        colours={colours}
        period={per}
        heading={
          flows === 'sum'
            ? `New displacement (flows): people per ${interval} and term, added up`
            : 'New displacement (flows): the figure each claim reported, by date'
        }
        empty="No dated flow figures (new movements) match."
      />
      <Panel
        kind="stock"
        series={stock}
        colours={colours}
        period={per}
        heading={
          interval === 'day'
            ? 'Still displaced (stocks): the figure each claim reported, by date'
            : `Still displaced (stocks): the largest figure reported per ${interval}, never added up`
        }
        empty="No dated stock figures (people still displaced) match."
      />
    </section>
  );
}
