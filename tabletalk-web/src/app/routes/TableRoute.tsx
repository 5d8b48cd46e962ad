import { Navigate, useParams } from 'react-router';
import { BadTableCode } from '@/features/entry/components/BadTableCode';
import { ContextStep } from '@/features/entry/components/ContextStep';
import { ModeStep } from '@/features/entry/components/ModeStep';
import { RelationshipStep } from '@/features/entry/components/RelationshipStep';
import { WelcomeStep } from '@/features/entry/components/WelcomeStep';
import { choiceFromPath } from '@/features/entry/table-steps';
import { isValidTableToken, paths } from '@/lib/links';

export type TableStep = 'welcome' | 'relationship' | 'context' | 'mode';

export function TableRoute({ step }: { step: TableStep }) {
  const { tableToken = '', choice = '' } = useParams();
  if (!isValidTableToken(tableToken)) return <BadTableCode />;
  const table = { tableToken };
  switch (step) {
    case 'welcome':
      return <WelcomeStep tableToken={tableToken} />;
    case 'relationship':
      return <RelationshipStep table={table} />;
    case 'context':
      return <ContextStep table={table} />;
    case 'mode': {
      const chosen = choiceFromPath(choice);
      return chosen ? (
        <ModeStep table={table} choice={chosen} />
      ) : (
        <Navigate to={paths.chooseContext(tableToken)} replace />
      );
    }
  }
}
