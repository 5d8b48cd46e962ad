/**
 * Where the pair is, quietly: the card's number only. No total and no bar to finish, so the deck
 * reads as a conversation rather than a task list.
 */
export function Progress({ position }: { position: number }) {
  return <p className="text-sm text-muted">Card {position + 1}</p>;
}
