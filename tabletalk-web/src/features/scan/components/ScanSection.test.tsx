import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ScanSection } from './ScanSection';

function renderScan() {
  return render(
    <MemoryRouter>
      <ScanSection />
    </MemoryRouter>,
  );
}

// The scanner is a lazily loaded chunk; importing it can take seconds on a busy machine.
const scannerLoaded = { timeout: 10_000 };

describe('ScanSection', { timeout: 20_000 }, () => {
  it('loads the scanner only when asked, and falls back to typing without a camera', async () => {
    renderScan();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Scan your table’s code' }));
    // jsdom has no camera: the scanner says so and points to typing the code.
    expect(
      await screen.findByText(/Type the code printed on your table instead/, {}, scannerLoaded),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.getByRole('button', { name: 'Scan your table’s code' })).toBeInTheDocument();
  });

  it('says so gently when camera permission is refused', async () => {
    vi.stubGlobal('isSecureContext', true);
    Object.defineProperty(navigator, 'mediaDevices', {
      configurable: true,
      value: { getUserMedia: vi.fn().mockRejectedValue(new DOMException('denied', 'NotAllowedError')) },
    });
    try {
      renderScan();
      await userEvent.click(screen.getByRole('button', { name: 'Scan your table’s code' }));
      expect(await screen.findByText(/The camera isn’t allowed for this page/, {}, scannerLoaded)).toBeInTheDocument();
    } finally {
      Reflect.deleteProperty(navigator, 'mediaDevices');
    }
  });
});
