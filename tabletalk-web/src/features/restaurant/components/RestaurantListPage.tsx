import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, ButtonLink } from '@/components/ui/Button';
import { ConsolePage } from '@/components/console/ConsolePage';
import { Field } from '@/components/console/Field';
import { ProblemNotice, StatusLine } from '@/components/console/Notices';
import { ResourceView } from '@/components/console/ResourceView';
import { useConsoleAction, useConsoleResource } from '@/lib/console/hooks';
import { consolePaths } from '@/lib/console/paths';
import { createRestaurant, listRestaurants, type Restaurant, updateRestaurant } from '../api/restaurant-api';
import { localTimeZone } from './time-zones';
import { TimeZoneField } from './TimeZoneField';

function CreateRestaurantForm() {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [timeZone, setTimeZone] = useState(localTimeZone);
  const { run, pending, error } = useConsoleAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const chosenSlug = slug.trim();
    const result = await run(() =>
      createRestaurant({ name: name.trim(), timeZone: timeZone.trim(), ...(chosenSlug ? { slug: chosenSlug } : {}) }),
    );
    if (result.ok) navigate(consolePaths.tables(result.value.slug));
  }

  return (
    <section aria-labelledby="new-restaurant" className="flex flex-col gap-4 rounded-2xl bg-surface p-5">
      <h2 id="new-restaurant" className="text-xl font-bold">
        New restaurant
      </h2>
      <form onSubmit={(event) => void submit(event)} className="grid gap-4 md:grid-cols-3" noValidate>
        <Field label="Name" required maxLength={200} value={name} onChange={(event) => setName(event.target.value)} />
        <Field
          label="Web address (optional)"
          hint="Lower-case letters, digits and dashes; made from the name when left empty."
          pattern="[a-z0-9-]+"
          maxLength={64}
          value={slug}
          onChange={(event) => setSlug(event.target.value)}
        />
        <TimeZoneField value={timeZone} onChange={setTimeZone} />
        <div className="flex flex-col gap-3 md:col-span-3">
          <ProblemNotice error={error} />
          <div>
            <Button type="submit" disabled={pending || name.trim() === '' || timeZone.trim() === ''}>
              {pending ? 'Creating…' : 'Create restaurant'}
            </Button>
          </div>
        </div>
      </form>
    </section>
  );
}

function RestaurantRows({
  restaurants,
  admin,
  onChanged,
}: {
  restaurants: Restaurant[];
  admin: boolean;
  onChanged: () => void;
}) {
  const { run, pending, error } = useConsoleAction();
  const [done, setDone] = useState('');

  async function setActive(restaurant: Restaurant, active: boolean) {
    setDone('');
    const result = await run(() => updateRestaurant(restaurant.slug, { active }));
    if (result.ok) {
      setDone(`${restaurant.name} ${active ? 'is active again' : 'is deactivated'}.`);
      onChanged();
    }
  }

  if (restaurants.length === 0) {
    return (
      <p className="rounded-2xl bg-surface-muted p-4">
        {admin ? 'No restaurants yet: create the first one above.' : 'You don’t manage any restaurant yet.'}
      </p>
    );
  }
  return (
    <>
      <ul className="flex flex-col gap-3">
        {restaurants.map((restaurant) => (
          <li
            key={restaurant.slug}
            className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border-2 border-line bg-surface p-4"
          >
            <div className="flex flex-col">
              <Link
                to={consolePaths.tables(restaurant.slug)}
                className="text-xl font-semibold text-accent underline-offset-4 hover:underline"
              >
                {restaurant.name}
              </Link>
              <span className="text-base text-muted">
                {restaurant.slug} · {restaurant.timeZone}
                {restaurant.active ? '' : ' · deactivated'}
              </span>
            </div>
            {admin ? (
              <Button
                variant="secondary"
                disabled={pending}
                onClick={() => void setActive(restaurant, !restaurant.active)}
                aria-label={`${restaurant.active ? 'Deactivate' : 'Reactivate'} ${restaurant.name}`}
              >
                {restaurant.active ? 'Deactivate' : 'Reactivate'}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <ProblemNotice error={error} />
      <StatusLine>{done}</StatusLine>
    </>
  );
}

export function RestaurantListPage({ admin }: { admin: boolean }) {
  const { state, reload } = useConsoleResource((signal) => listRestaurants(signal), []);
  return (
    <ConsolePage title="Restaurants">
      {admin ? (
        <div className="flex flex-wrap gap-3">
          <ButtonLink variant="secondary" to={consolePaths.insights()}>
            Insights across all restaurants
          </ButtonLink>
          <ButtonLink variant="secondary" to={consolePaths.questions()}>
            Questions
          </ButtonLink>
        </div>
      ) : null}
      {admin ? <CreateRestaurantForm /> : null}
      <section aria-label="All restaurants" className="flex flex-col gap-3">
        <ResourceView state={state} loadingLabel="Loading restaurants…" onRetry={reload}>
          {(restaurants) => <RestaurantRows restaurants={restaurants} admin={admin} onChanged={reload} />}
        </ResourceView>
      </section>
    </ConsolePage>
  );
}
