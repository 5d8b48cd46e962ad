import { ButtonLink } from '@/components/ui/Button';
import { Screen } from '@/components/ui/Screen';

export function NotFoundRoute() {
  return (
    <Screen title="Nothing here">
      <p>This page doesn’t exist. To start, scan the code on your table.</p>
      <div className="mt-auto">
        <ButtonLink to="/" block>
          Go to the start
        </ButtonLink>
      </div>
    </Screen>
  );
}
