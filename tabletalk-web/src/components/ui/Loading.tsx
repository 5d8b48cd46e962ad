export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div role="status" className="flex flex-1 flex-col items-center justify-center gap-4 py-16 text-muted">
      <span
        aria-hidden="true"
        className="size-8 rounded-full border-4 border-line border-t-accent motion-safe:animate-spin"
      />
      <span>{label}</span>
    </div>
  );
}
