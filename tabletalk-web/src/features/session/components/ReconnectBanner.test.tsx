import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReconnectBanner } from './ReconnectBanner';

describe('ReconnectBanner', () => {
  it('says "Reconnecting…" quietly while the live channel is away', () => {
    render(<ReconnectBanner status="reconnecting" />);
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting…');
  });

  it.each(['live', 'connecting', 'closed'] as const)('stays empty while %s', (status) => {
    render(<ReconnectBanner status={status} />);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('keeps the same status region when the text changes, so it is announced', () => {
    const { rerender } = render(<ReconnectBanner status="live" />);
    const region = screen.getByRole('status');
    rerender(<ReconnectBanner status="reconnecting" />);
    expect(screen.getByRole('status')).toBe(region);
  });

  it('says what it is given about the connection, whatever the live channel does', () => {
    const { rerender } = render(<ReconnectBanner status="reconnecting" message="You’re offline — the cards go on." />);
    expect(screen.getByRole('status')).toHaveTextContent('You’re offline — the cards go on.');
    expect(screen.queryByText('Reconnecting…')).not.toBeInTheDocument();
    rerender(<ReconnectBanner status="live" message={null} />);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
