import { ButtonLink } from '@/components/ui/Button';
import { ConsolePage } from '@/components/console/ConsolePage';
import { consolePaths } from '@/lib/console/paths';

export function ConsoleNotFound() {
  return (
    <ConsolePage title="Nothing here">
      <p>This console page doesn’t exist, or isn’t yours to see.</p>
      <div>
        <ButtonLink to={consolePaths.home()}>Back to the console</ButtonLink>
      </div>
    </ConsolePage>
  );
}
