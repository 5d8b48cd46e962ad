import { buttonClasses } from '@/components/ui/Button';
import { type DayRange, eventExportUrls } from '../api/insight-api';
import { formatDay } from '../format';
import { Section } from './Section';

/** Plain links: the browser downloads the files and sends the sign-in cookie with them, like the table codes. */
export function ExportLinks({ slug, range }: { slug: string; range: DayRange }) {
  const urls = eventExportUrls(slug, range);
  return (
    <Section
      title="Raw events"
      intro={`Every step logged from ${formatDay(range.from, true)} to ${formatDay(range.to, true)}, oldest first: time (UTC), type, table, session, visit, phone, question and details.`}
    >
      <ul className="flex flex-wrap gap-3">
        <li>
          <a href={urls.csv} download className={buttonClasses('secondary')}>
            Download events (CSV)
          </a>
        </li>
        <li>
          <a href={urls.jsonl} download className={buttonClasses('secondary')}>
            Download events (JSON lines)
          </a>
        </li>
      </ul>
    </Section>
  );
}
