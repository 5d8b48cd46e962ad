import { Screen } from '@/components/ui/Screen';
import { Button } from '@/components/ui/Button';

/** Last resort when a screen fails to render: say so plainly and offer a reload. */
export function RouteError() {
  return (
    <Screen title="Something went wrong">
      <p>Sorry, this screen ran into a problem. Reloading usually helps.</p>
      <div className="mt-auto">
        <Button onClick={() => window.location.reload()} block>
          Reload
        </Button>
      </div>
    </Screen>
  );
}
