import { useRef, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { parseScannedLink, type ScannedLink } from '@/lib/links';
import { type ScannerProblem, useQrScanner } from '../hooks/useQrScanner';

const problemMessages: Record<ScannerProblem, string> = {
  unsupported: 'This browser can’t use the camera here. Type the code printed on your table instead.',
  denied: 'The camera isn’t allowed for this page. Type the code printed on your table instead.',
  no_camera: 'We couldn’t find a camera on this phone. Type the code printed on your table instead.',
  failed: 'The camera didn’t start. Type the code printed on your table instead.',
};

export interface QrScannerProps {
  onLink: (link: ScannedLink) => void;
  onClose: () => void;
}

/** The camera view; loaded only when a diner asks to scan (keeps the decoder out of the first download). */
export default function QrScanner({ onLink, onClose }: QrScannerProps) {
  const video = useRef<HTMLVideoElement>(null);
  const [foreign, setForeign] = useState(false);
  const done = useRef(false);
  const status = useQrScanner(video, (text) => {
    if (done.current) return;
    const link = parseScannedLink(text);
    if (!link) {
      setForeign(true);
      return;
    }
    done.current = true;
    onLink(link);
  });

  const problem = status.kind === 'problem' ? status.problem : null;
  return (
    <div className="flex flex-col gap-3">
      {problem ? null : (
        <div className="relative overflow-hidden rounded-3xl bg-black">
          <video ref={video} muted playsInline aria-label="Camera view" className="aspect-square w-full object-cover" />
          <div
            aria-hidden="true"
            className="pointer-events-none absolute inset-[15%] rounded-2xl border-4 border-white/80"
          />
        </div>
      )}
      <p role="status" className="text-base text-muted">
        {problem
          ? problemMessages[problem]
          : foreign
            ? 'That isn’t a Table-Talk code. Point at the code on your table.'
            : status.kind === 'starting'
              ? 'Starting the camera…'
              : 'Point the camera at the code on your table.'}
      </p>
      <Button variant="secondary" onClick={onClose}>
        {problem ? 'Close' : 'Stop scanning'}
      </Button>
    </div>
  );
}
