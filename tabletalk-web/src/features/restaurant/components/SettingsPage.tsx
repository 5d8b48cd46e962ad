import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/console/Field';
import { ProblemNotice, StatusLine } from '@/components/console/Notices';
import { useConsoleAction } from '@/lib/console/hooks';
import { type Restaurant, type RestaurantContext, restaurantContexts, updateRestaurant } from '../api/restaurant-api';
import { RestaurantSection } from './RestaurantSection';
import { TimeZoneField } from './TimeZoneField';

const maxRecommendAfterCards = 50;

/** The typed number of cards: null for empty (the platform default), undefined when it is not 0–50. */
function parseRecommendAfter(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d{1,3}$/.test(trimmed)) return undefined;
  const cards = Number(trimmed);
  return cards <= maxRecommendAfterCards ? cards : undefined;
}

const contextNames: Record<RestaurantContext, string> = {
  exploring: 'Exploring',
  established: 'Established',
  mature: 'Mature',
};

/** Which kinds of questions diners may choose here; at least one stays ticked. */
function ContextsField({
  value,
  onChange,
}: {
  value: RestaurantContext[];
  onChange: (contexts: RestaurantContext[]) => void;
}) {
  const toggle = (context: RestaurantContext, on: boolean) =>
    onChange(restaurantContexts.filter((each) => (each === context ? on : value.includes(each))));
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby="contexts-hint">
      <legend className="font-semibold">Kinds of questions offered</legend>
      <p id="contexts-hint" className="text-base text-muted">
        Diners choose among these when they start; at least one.
      </p>
      <div className="flex flex-wrap gap-4">
        {restaurantContexts.map((context) => (
          <label key={context} className="flex min-h-12 items-center gap-2">
            <input
              type="checkbox"
              className="size-5"
              checked={value.includes(context)}
              onChange={(event) => toggle(context, event.target.checked)}
            />
            {contextNames[context]}
          </label>
        ))}
      </div>
      {value.length === 0 ? (
        <p role="alert" className="text-base text-accent">
          Choose at least one kind of question.
        </p>
      ) : null}
    </fieldset>
  );
}

function SettingsForm({ restaurant, onSaved }: { restaurant: Restaurant; onSaved: () => void }) {
  const [name, setName] = useState(restaurant.name);
  const [timeZone, setTimeZone] = useState(restaurant.timeZone);
  const [recommendAfter, setRecommendAfter] = useState(String(restaurant.recommendAfterCards ?? ''));
  const recommendAfterCards = parseRecommendAfter(recommendAfter);
  const defaultCards = restaurant.defaultRecommendAfterCards;
  // In the fixed order, so a change is told apart from the service listing them differently.
  const offered = restaurantContexts.filter((context) => restaurant.contexts?.includes(context) ?? true);
  const [contexts, setContexts] = useState<RestaurantContext[]>(offered);
  const [saved, setSaved] = useState('');
  const { run, pending, error } = useConsoleAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved('');
    if (recommendAfterCards === undefined || contexts.length === 0) return;
    // Sent only when changed: null is a choice of its own (follow the platform default).
    const recommendChange =
      recommendAfterCards === (restaurant.recommendAfterCards ?? null) ? {} : { recommendAfterCards };
    const contextsChange = contexts.join() === offered.join() ? {} : { contexts };
    const result = await run(() =>
      updateRestaurant(restaurant.slug, {
        name: name.trim(),
        timeZone: timeZone.trim(),
        ...recommendChange,
        ...contextsChange,
      }),
    );
    if (result.ok) {
      setSaved('Saved.');
      onSaved();
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="flex max-w-xl flex-col gap-4" noValidate>
      <Field
        label="Name"
        hint="Shown to diners when they scan a table’s code."
        required
        maxLength={200}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <TimeZoneField value={timeZone} onChange={setTimeZone} />
      <Field
        label="Ask diners whether they’d recommend us after N cards"
        hint={`0 to ${maxRecommendAfterCards}; 0 never asks. Leave empty for the platform default (${
          defaultCards === undefined ? 'set by Table-Talk' : `now ${defaultCards} cards`
        }).`}
        // Text, not type=number: a browser empties a number field holding something unreadable, which would
        // silently mean "the default" here.
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={3}
        autoComplete="off"
        className="max-w-xs"
        placeholder={defaultCards === undefined ? 'Default' : `${defaultCards} (default)`}
        value={recommendAfter}
        problem={
          recommendAfterCards === undefined
            ? `Enter a whole number from 0 to ${maxRecommendAfterCards}, or leave it empty.`
            : null
        }
        onChange={(event) => setRecommendAfter(event.target.value)}
      />
      <ContextsField value={contexts} onChange={setContexts} />
      <p className="text-base text-muted">
        The web address <strong>{restaurant.slug}</strong> is printed in every table code and does not change.
      </p>
      <ProblemNotice error={error} />
      <div>
        <Button
          type="submit"
          disabled={
            pending ||
            name.trim() === '' ||
            timeZone.trim() === '' ||
            recommendAfterCards === undefined ||
            contexts.length === 0
          }
        >
          {pending ? 'Saving…' : 'Save settings'}
        </Button>
      </div>
      <StatusLine>{saved}</StatusLine>
    </form>
  );
}

export function SettingsPage({ slug }: { slug: string }) {
  return (
    <RestaurantSection slug={slug} title="Settings">
      {(restaurant, reload) => <SettingsForm restaurant={restaurant} onSaved={reload} />}
    </RestaurantSection>
  );
}
