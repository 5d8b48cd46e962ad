import { formatCount, weekdays } from '../format';
import { Section, ScrollArea } from './Section';

const hours = Array.from({ length: 24 }, (_, hour) => hour);

/** Sessions started in each hour of the week (local time), Monday first, shaded by how many. */
export function HourOfWeekTable({ counts }: { counts: number[][] }) {
  const busiest = Math.max(0, ...counts.flat());
  return (
    <Section
      title="When sessions start"
      intro={
        busiest > 0
          ? `Hour of the week in local time; the darker, the more sessions started (at most ${formatCount(busiest)} in one hour).`
          : 'Hour of the week in local time; no session started in this range.'
      }
    >
      <ScrollArea label="Sessions by hour of the week, scrollable" className="overflow-x-auto">
        <table className="w-full border-separate border-spacing-0.5 text-sm">
          <caption className="sr-only">Sessions started by weekday (rows) and hour (columns)</caption>
          <thead>
            <tr>
              <th scope="col" className="sr-only">
                Day
              </th>
              {hours.map((hour) => (
                <th key={hour} scope="col" className="min-w-6 font-normal text-muted tabular-nums">
                  <span aria-hidden="true">{hour % 3 === 0 ? hour : ''}</span>
                  <span className="sr-only">{`${hour}:00`}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weekdays.map((weekday, day) => (
              <tr key={weekday}>
                <th scope="row" className="pr-2 text-left font-normal whitespace-nowrap">
                  <span aria-hidden="true">{weekday.slice(0, 3)}</span>
                  <span className="sr-only">{weekday}</span>
                </th>
                {hours.map((hour) => {
                  const value = counts[day]?.[hour] ?? 0;
                  const strength = busiest > 0 ? value / busiest : 0;
                  return (
                    <td
                      key={hour}
                      title={`${weekday} ${hour}:00 – ${value} sessions`}
                      className="h-7 min-w-6 rounded-sm border border-line"
                      style={{
                        backgroundColor:
                          value > 0
                            ? `color-mix(in srgb, var(--accent) ${Math.round(15 + strength * 85)}%, transparent)`
                            : undefined,
                      }}
                    >
                      <span className="sr-only">{formatCount(value)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </Section>
  );
}
