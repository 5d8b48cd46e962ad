import { ConsolePage } from '@/components/console/ConsolePage';
import { InsightDashboard } from './InsightDashboard';

/** Every restaurant together, for admins. */
export function PlatformInsightsPage() {
  return (
    <ConsolePage title="Insights across all restaurants">
      <InsightDashboard slug={null} />
    </ConsolePage>
  );
}
