import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/console/Field';
import { ProblemNotice, StatusLine } from '@/components/console/Notices';
import { useConsoleAction } from '@/lib/console/hooks';
import { type Restaurant, updateRestaurant } from '../api/restaurant-api';
import { RestaurantSection } from './RestaurantSection';
import { TimeZoneField } from './TimeZoneField';

function SettingsForm({ restaurant, onSaved }: { restaurant: Restaurant; onSaved: () => void }) {
  const [name, setName] = useState(restaurant.name);
  const [timeZone, setTimeZone] = useState(restaurant.timeZone);
  const [saved, setSaved] = useState('');
  const { run, pending, error } = useConsoleAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved('');
    const result = await run(() => updateRestaurant(restaurant.slug, { name: name.trim(), timeZone: timeZone.trim() }));
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
      <p className="text-base text-muted">
        The web address <strong>{restaurant.slug}</strong> is printed in every table code and does not change.
      </p>
      <ProblemNotice error={error} />
      <div>
        <Button type="submit" disabled={pending || name.trim() === '' || timeZone.trim() === ''}>
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
