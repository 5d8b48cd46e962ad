/** What the app is, for someone who has never heard of it. */
export function HomeIntro() {
  return (
    <>
      <p className="text-xl">
        One question at a time for the two of you: light ones to start, deeper ones when you’re ready. No sign-up, and
        nothing personal is stored.
      </p>
      <ol className="flex list-decimal flex-col gap-1 pl-6 text-muted marker:font-semibold marker:text-accent">
        <li>Scan the code on your table.</li>
        <li>Tell us how long you’ve been together, and choose one phone or two.</li>
        <li>Take turns answering. There are no wrong answers.</li>
      </ol>
    </>
  );
}
