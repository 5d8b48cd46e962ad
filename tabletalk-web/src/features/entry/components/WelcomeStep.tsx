import { ButtonLink } from '@/components/ui/Button';
import { Screen } from '@/components/ui/Screen';
import { paths } from '@/lib/links';
import { useTableVisit } from '../hooks/useTableVisit';

export function WelcomeStep({ tableToken }: { tableToken: string }) {
  useTableVisit({ tableToken }, { welcome: true });
  return (
    <Screen title="Welcome to Table-Talk">
      <p className="text-xl">
        One question at a time to get the two of you talking. No sign-up, and nothing personal is stored.
      </p>
      <div className="mt-auto flex flex-col gap-3">
        <ButtonLink to={paths.chooseContext(tableToken)} block>
          Let’s begin
        </ButtonLink>
      </div>
    </Screen>
  );
}
