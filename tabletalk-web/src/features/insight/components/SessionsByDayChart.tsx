import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import type { Insights } from '../api/insight-api';
import { loadChartLibrary } from '../chart-library';
import { formatCount, formatDay } from '../format';
import { Section, ScrollArea } from './Section';

type Day = Insights['sessionsByDay'][number];

const chartHeight = 220;
const halfDay = 12 * 60 * 60;

/** The page's own colours (light or dark), for the canvas, which cannot use CSS variables. */
function themeColours() {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return { accent: read('--accent', '#9e3f19'), muted: read('--muted', '#5a4f47'), line: read('--line', '#d9cec3') };
}

function chartOptions(UPlot: typeof uPlot, width: number): uPlot.Options {
  const colours = themeColours();
  const axis = {
    stroke: colours.muted,
    grid: { stroke: colours.line, width: 1 },
    ticks: { stroke: colours.line, width: 1 },
  };
  return {
    width,
    height: chartHeight,
    // Days are calendar days as the service wrote them: shown as such, whatever the device's time zone.
    tzDate: (seconds) => UPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: {
      // Half a day of room at each end, so the first and last bars are whole.
      x: { time: true, range: (_chart, min, max) => [min - halfDay, max + halfDay] },
      y: { range: (_chart, _min, max) => [0, Math.max(4, max)] },
    },
    axes: [axis, { ...axis, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] }],
    series: [
      {},
      {
        label: 'Sessions',
        stroke: colours.accent,
        fill: colours.accent,
        width: 1,
        paths: UPlot.paths.bars?.({ size: [0.7, 40] }),
        points: { show: false },
      },
    ],
  };
}

/** Draws the chart with uPlot, loaded only when a dashboard shows it; where it cannot draw, nothing is shown. */
function Chart({ days }: { days: Day[] }) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let chart: uPlot | undefined;
    let cancelled = false;
    const data: uPlot.AlignedData = [
      days.map((day) => Date.parse(`${day.day}T00:00:00Z`) / 1000),
      days.map((day) => day.sessions),
    ];
    const width = () => Math.max(280, element.clientWidth);
    let UPlot: typeof uPlot | undefined;
    const draw = () => {
      if (!UPlot) return;
      chart?.destroy();
      element.replaceChildren();
      chart = new UPlot(chartOptions(UPlot, width()), data, element);
    };
    const resize =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => chart?.setSize({ width: width(), height: chartHeight }));
    const dark = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;

    loadChartLibrary()
      .then((library) => {
        if (cancelled) return;
        UPlot = library;
        draw();
        resize?.observe(element);
        dark?.addEventListener('change', draw);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });

    return () => {
      cancelled = true;
      resize?.disconnect();
      dark?.removeEventListener('change', draw);
      chart?.destroy();
    };
  }, [days]);

  if (failed) return null;
  return <div ref={box} aria-hidden="true" className="min-h-[220px] w-full overflow-hidden" />;
}

export function SessionsByDayChart({ days }: { days: Day[] }) {
  const total = days.reduce((sum, day) => sum + day.sessions, 0);
  const busiest = days.reduce<Day | undefined>(
    (best, day) => (!best || day.sessions > best.sessions ? day : best),
    undefined,
  );
  const summary =
    total === 0 || !busiest
      ? `No sessions on any of the ${days.length} days.`
      : `${formatCount(total)} sessions over ${days.length} days; the busiest day was ${formatDay(busiest.day, true)} with ${formatCount(busiest.sessions)}.`;
  return (
    <Section title="Sessions by day" intro={summary}>
      <Chart days={days} />
      <details>
        <summary className="min-h-12 cursor-pointer py-3 font-semibold text-accent">Sessions by day as a table</summary>
        <ScrollArea label="Sessions by day, scrollable" className="max-h-80 overflow-auto">
          <table className="w-full border-collapse text-left text-base">
            <caption className="sr-only">Sessions by day</caption>
            <thead>
              <tr className="border-b-2 border-line">
                <th scope="col" className="py-2 pr-4">
                  Day
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  Sessions
                </th>
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.day} className="border-b border-line">
                  <th scope="row" className="py-1 pr-4 font-normal">
                    <time dateTime={day.day}>{formatDay(day.day)}</time>
                  </th>
                  <td className="py-1 pr-4 text-right tabular-nums">{formatCount(day.sessions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </details>
    </Section>
  );
}
