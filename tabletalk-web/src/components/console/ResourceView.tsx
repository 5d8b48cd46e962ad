import type { ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import { Loading } from '@/components/ui/Loading';
import type { Resource } from '@/lib/console/hooks';
import { ProblemNotice } from './Notices';

export interface ResourceViewProps<T> {
  state: Resource<T>;
  loadingLabel: string;
  onRetry: () => void;
  children: (data: T) => ReactNode;
}

/** The loading and failed states every console screen shares; `children` draws the data. */
export function ResourceView<T>({ state, loadingLabel, onRetry, children }: ResourceViewProps<T>) {
  switch (state.status) {
    case 'loading':
      return <Loading label={loadingLabel} />;
    case 'failed':
      return (
        <div className="flex flex-col items-start gap-3">
          <ProblemNotice error={state.error} />
          <Button variant="secondary" onClick={onRetry}>
            Try again
          </Button>
        </div>
      );
    case 'ready':
      return <>{children(state.data)}</>;
  }
}
