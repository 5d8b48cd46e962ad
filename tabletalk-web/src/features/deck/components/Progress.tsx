export function Progress({ position, deckSize }: { position: number; deckSize: number }) {
  const shown = Math.min(position + 1, Math.max(deckSize, 1));
  const percent = deckSize > 0 ? Math.round((shown / deckSize) * 100) : 0;
  return (
    <div className="flex flex-col gap-1.5">
      <p className="text-base font-semibold">
        Card {shown} of {deckSize}
      </p>
      <div aria-hidden="true" className="h-1.5 overflow-hidden rounded-full bg-surface-muted">
        <div
          className="h-full rounded-full bg-accent motion-safe:transition-[width] motion-safe:duration-500"
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
