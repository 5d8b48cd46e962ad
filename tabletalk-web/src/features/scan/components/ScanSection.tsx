import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/Button';
import { ErrorBoundary } from '@/components/ui/ErrorBoundary';
import { Loading } from '@/components/ui/Loading';
import { pathForScannedLink } from '@/lib/links';

// The decoder is a separate chunk, fetched from our own origin only when someone taps "Scan".
const QrScanner = lazy(() => import('./QrScanner'));

export function ScanSection() {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);

  if (!open) {
    return (
      <Button onClick={() => setOpen(true)} block>
        Scan your table’s code
      </Button>
    );
  }
  return (
    <section aria-label="Scan a code" className="flex flex-col gap-3">
      <ErrorBoundary
        fallback={<p role="alert">The scanner didn’t load. Type the code printed on your table instead.</p>}
      >
        <Suspense fallback={<Loading label="Starting the camera…" />}>
          <QrScanner onLink={(link) => navigate(pathForScannedLink(link))} onClose={() => setOpen(false)} />
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}
