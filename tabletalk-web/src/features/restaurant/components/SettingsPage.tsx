import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/console/Field';
import { ProblemNotice, StatusLine } from '@/components/console/Notices';
import { useConsoleAction } from '@/lib/console/hooks';
import { type Restaurant, updateRestaurant } from '../api/restaurant-api';
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

function SettingsForm({ restaurant, onSaved }: { restaurant: Restaurant; onSaved: () => void }) {
  const [name, setName] = useState(restaurant.name);
  const [timeZone, setTimeZone] = useState(restaurant.timeZone);
  const [recommendAfter, setRecommendAfter] = useState(String(restaurant.recommendAfterCards ?? ''));
  const recommendAfterCards = parseRecommendAfter(recommendAfter);
  const defaultCards = restaurant.defaultRecommendAfterCards;
  const [saved, setSaved] = useState('');
  const { run, pending, error } = useConsoleAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved('');
    if (recommendAfterCards === undefined) return;
    // Sent only when changed: null is a choice of its own (follow the platform default).
    const recommendChange =
      recommendAfterCards === (restaurant.recommendAfterCards ?? null) ? {} : { recommendAfterCards };
    const result = await run(() =>
      updateRestaurant(restaurant.slug, { name: name.trim(), timeZone: timeZone.trim(), ...recommendChange }),
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
      <p className="text-base text-muted">
        The web address <strong>{restaurant.slug}</strong> is printed in every table code and does not change.
      </p>
      <ProblemNotice error={error} />
      <div>
        <Button
          type="submit"
          disabled={pending || name.trim() === '' || timeZone.trim() === '' || recommendAfterCards === undefined}
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
