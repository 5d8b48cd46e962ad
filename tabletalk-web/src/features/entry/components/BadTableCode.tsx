import { Screen } from '@/components/ui/Screen';
import { TableCodeForm } from './TableCodeForm';

export function BadTableCode() {
  return (
    <Screen title="This code doesn’t look right">
      <p>
        The link you opened doesn’t contain a table code we know. Try scanning the code on your table again, or type the
        code printed under it.
      </p>
      <TableCodeForm />
    </Screen>
  );
}
