import { Link, useNavigate } from 'react-router';
import { ButtonLink } from '@/components/ui/Button';
import { Screen } from '@/components/ui/Screen';
import { trackEvent } from '@/lib/events';
import type { RelationshipLength } from '@/lib/messages';
import type { TableRef } from '../api/entry-api';
import { useTableVisit } from '../hooks/useTableVisit';
import { tableSteps } from '../table-steps';

const lengths: { length: RelationshipLength; label: string }[] = [
  { length: 'under_6_months', label: 'Under 6 months' },
  { length: '6_months_to_2_years', label: '6 months – 2 years' },
  { length: '2_to_10_years', label: '2 – 10 years' },
  { length: 'over_10_years', label: '10+ years' },
  { length: 'friends_or_family', label: 'We’re friends / family' },
];

/** The first question at a table; the answer picks the kind of questions, unless the diners pick it themselves. */
export function RelationshipStep({ table }: { table: TableRef }) {
  useTableVisit(table);
  const navigate = useNavigate();
  const steps = tableSteps(table);

  function choose(length: RelationshipLength) {
    trackEvent({ type: 'relationship_length_chosen', length });
    navigate(steps.chooseMode(length));
  }

  return (
    <Screen title="How long have you been together?" eyebrow="Step 1 of 2">
      <p className="text-muted">There’s no wrong answer: it helps us pick questions that suit the two of you.</p>
      <div role="group" aria-label="How long have you been together?" className="flex flex-col gap-3">
        {lengths.map(({ length, label }) => (
          <button
            key={length}
            type="button"
            onClick={() => choose(length)}
            className="flex min-h-12 items-center rounded-2xl border-2 border-line bg-surface p-4 text-left text-xl font-semibold hover:border-accent"
          >
            {label}
          </button>
        ))}
      </div>
      <p>
        <Link to={steps.chooseQuestions} className="rounded text-base text-accent underline underline-offset-4">
          Choose the kind of questions yourself
        </Link>
      </p>
      <div className="mt-auto">
        <ButtonLink to={steps.welcome} variant="quiet">
          Back
        </ButtonLink>
      </div>
    </Screen>
  );
}
