import { Navigate, useParams } from 'react-router';
import { BadTableCode } from '@/features/entry/components/BadTableCode';
import { ContextStep } from '@/features/entry/components/ContextStep';
import { ModeStep } from '@/features/entry/components/ModeStep';
import { WelcomeStep } from '@/features/entry/components/WelcomeStep';
import { isValidTableToken, paths } from '@/lib/links';
import { isContextId } from '@/lib/messages';

export function TableRoute({ step }: { step: 'welcome' | 'context' | 'mode' }) {
  const { tableToken = '', context = '' } = useParams();
  if (!isValidTableToken(tableToken)) return <BadTableCode />;
  switch (step) {
    case 'welcome':
      return <WelcomeStep tableToken={tableToken} />;
    case 'context':
      return <ContextStep table={{ tableToken }} />;
    case 'mode':
      return isContextId(context) ? (
        <ModeStep table={{ tableToken }} context={context} />
      ) : (
        <Navigate to={paths.chooseContext(tableToken)} replace />
      );
  }
}
