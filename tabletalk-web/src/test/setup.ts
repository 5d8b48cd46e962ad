import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { discardQueuedEvents } from '@/lib/events';
import { forgetVisit } from '@/lib/visit';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
  forgetVisit();
  discardQueuedEvents();
  // A fresh page: no sendBeacon unless a test's fake API brings one.
  Reflect.deleteProperty(navigator, 'sendBeacon');
});
