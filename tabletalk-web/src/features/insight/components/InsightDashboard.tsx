import { ResourceView } from '@/components/console/ResourceView';
import { useConsoleResource } from '@/lib/console/hooks';
import { fetchInsights, type Insights } from '../api/insight-api';
import { formatDay } from '../format';
import { useInsightRange } from '../hooks/useInsightRange';
import { ExportLinks } from './ExportLinks';
import { FunnelTable } from './FunnelTable';
import { HourOfWeekTable } from './HourOfWeekTable';
import { QuestionsTable } from './QuestionsTable';
import { RangePicker } from './RangePicker';
import { RecommendPanel } from './RecommendPanel';
import { RelationshipMix } from './RelationshipMix';
import { SessionFigures } from './SessionFigures';
import { SessionsByDayChart } from './SessionsByDayChart';
import { TablesTable } from './TablesTable';

/** Nothing happened in the range: no step of the funnel and no session. */
export const isEmpty = (insights: Insights) =>
  insights.sessions.count === 0 && insights.funnel.every((step) => step.count === 0);

const wide = 'flex min-w-0 flex-col lg:col-span-2';

function Figures({ insights }: { insights: Insights }) {
  if (isEmpty(insights)) {
    return <p className="rounded-2xl bg-surface-muted p-4">No visits in this range yet.</p>;
  }
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <FunnelTable funnel={insights.funnel} />
      <SessionFigures sessions={insights.sessions} />
      <div className={wide}>
        <SessionsByDayChart days={insights.sessionsByDay} />
      </div>
      <div className={wide}>
        <HourOfWeekTable counts={insights.hourOfWeek} />
      </div>
      <RecommendPanel recommend={insights.recommend} />
      <RelationshipMix lengths={insights.relationshipLengths} />
      <div className={wide}>
        <TablesTable tables={insights.tables} />
      </div>
      <div className={wide}>
        <QuestionsTable questions={insights.questions} />
      </div>
    </div>
  );
}

export interface InsightDashboardProps {
  /** One restaurant's figures; null for every restaurant together (admins). */
  slug: string | null;
  /** Where "today" is for the default range and the presets; the device's own zone when not given. */
  timeZone?: string;
}

/** The range picker, then what diners did in that range; the range lives in the address. */
export function InsightDashboard({ slug, timeZone }: InsightDashboardProps) {
  const { range, todayDay, setRange } = useInsightRange(timeZone);
  const { state, reload } = useConsoleResource(
    (signal) => fetchInsights(slug, range, signal),
    [slug, range.from, range.to],
  );
  return (
    <div className="flex flex-col gap-6">
      <RangePicker range={range} todayDay={todayDay} onChange={setRange} />
      <p aria-live="polite" className="text-base text-muted">
        {`Showing ${formatDay(range.from, true)} to ${formatDay(range.to, true)}`}
        {slug === null ? ', each restaurant in its own time zone.' : '.'}
      </p>
      <ResourceView state={state} loadingLabel="Counting visits…" onRetry={reload}>
        {(insights) => <Figures insights={insights} />}
      </ResourceView>
      {slug === null ? null : <ExportLinks slug={slug} range={range} />}
    </div>
  );
}
