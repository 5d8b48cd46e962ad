import { Screen } from '@/components/ui/Screen';
import { TableCodeForm } from './TableCodeForm';

export function BadTableCode() {
  return (
    <Screen title="This code doesn’t look right">
      <p>
        A table code is made of letters, digits, - and _ only, and the link you opened holds something else. Scan the QR
        code on your table again, or type the table’s code or paste its link here.
      </p>
      <TableCodeForm />
    </Screen>
  );
}
