import { BrowserQRCodeReader, type IScannerControls } from '@zxing/browser';
import { type RefObject, useEffect, useRef, useState } from 'react';

export type ScannerProblem = 'unsupported' | 'denied' | 'no_camera' | 'failed';
export type ScannerStatus = { kind: 'starting' } | { kind: 'scanning' } | { kind: 'problem'; problem: ScannerProblem };

function problemFor(error: unknown): ScannerProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'no_camera';
    default:
      return 'failed';
  }
}

/**
 * Runs the back camera into `video` and reports every QR code text it decodes. Decoding happens
 * in this tab with zxing (bundled, nothing fetched); the camera stops when the component unmounts.
 */
export function useQrScanner(video: RefObject<HTMLVideoElement | null>, onText: (text: string) => void): ScannerStatus {
  const [status, setStatus] = useState<ScannerStatus>({ kind: 'starting' });
  // The camera keeps running across renders; the latest callback is read through a ref.
  const onTextRef = useRef(onText);
  useEffect(() => {
    onTextRef.current = onText;
  }, [onText]);

  useEffect(() => {
    const element = video.current;
    if (!element || !window.isSecureContext || typeof navigator.mediaDevices?.getUserMedia !== 'function') {
      setStatus({ kind: 'problem', problem: 'unsupported' });
      return;
    }
    let controls: IScannerControls | null = null;
    let stopped = false;
    const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150 });
    reader
      .decodeFromConstraints({ video: { facingMode: { ideal: 'environment' } }, audio: false }, element, (result) => {
        if (result) onTextRef.current(result.getText());
      })
      .then(
        (started) => {
          if (stopped) {
            started.stop();
            return;
          }
          controls = started;
          setStatus({ kind: 'scanning' });
        },
        (error: unknown) => {
          if (!stopped) setStatus({ kind: 'problem', problem: problemFor(error) });
        },
      );
    return () => {
      stopped = true;
      controls?.stop();
    };
  }, [video]);

  return status;
}
