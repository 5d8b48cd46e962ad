import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aDualSession, aParticipant } from '@/test/fixtures';
import { PartnerPresence, phonesApartCopy } from './PartnerPresence';

describe('PartnerPresence', () => {
  it('shows the partner connected while both phones are live', () => {
    render(<PartnerPresence state={aDualSession()} me="A" connection="live" />);
    expect(screen.getByRole('status')).toHaveTextContent('Partner connected');
  });

  it('says the phones cannot reach each other while the partner’s phone is away', () => {
    const state = aDualSession({ participants: [aParticipant('A'), aParticipant('B', { connected: false })] });
    render(<PartnerPresence state={state} me="A" connection="live" />);
    expect(screen.getByRole('status')).toHaveTextContent(phonesApartCopy);
  });

  it('says the same on the phone that lost its own connection', () => {
    render(<PartnerPresence state={aDualSession()} me="A" connection="reconnecting" />);
    expect(screen.getByRole('status')).toHaveTextContent(phonesApartCopy);
  });

  it('waits for a partner who has not joined yet', () => {
    render(<PartnerPresence state={aDualSession({ participants: [aParticipant('A')] })} me="A" connection="live" />);
    expect(screen.getByRole('status')).toHaveTextContent('Waiting for your partner to join');
  });
});
