/** A bar drawn with CSS, `share` (0–1) of the full width; only decoration, the number is always written next to it. */
export function Bar({ share, className = '' }: { share: number | undefined; className?: string }) {
  const width = `${Math.max(0, Math.min(1, share ?? 0)) * 100}%`;
  return (
    <div
      aria-hidden="true"
      className={`h-3 w-full min-w-16 overflow-hidden rounded-full bg-surface-muted ${className}`}
    >
      <div className="h-full rounded-full bg-accent" style={{ width }} />
    </div>
  );
}
