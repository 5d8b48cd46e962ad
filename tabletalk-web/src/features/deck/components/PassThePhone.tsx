import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/Button';

export interface PassThePhoneProps {
  onHandedOver: () => void;
  /** Take focus (and a screen reader) to this step: true when it follows a pick made just now. */
  focus: boolean;
}

/** Between the two picks on one phone: the first pick is locked in and out of sight. */
export function PassThePhone({ onHandedOver, focus }: PassThePhoneProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) headingRef.current?.focus({ preventScroll: true });
  }, [focus]);

  return (
    <section
      aria-labelledby="pass-phone-heading"
      className="flex flex-col items-center gap-3 rounded-2xl border-2 border-dashed border-accent bg-accent-soft p-4 text-center motion-safe:animate-fade-in"
    >
      <p aria-hidden="true" className="text-3xl">
        📱
      </p>
      <h3 id="pass-phone-heading" ref={headingRef} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
        Pass the phone to your partner
      </h3>
      <p className="text-base">Your pick is locked in and hidden until your partner has picked too.</p>
      <Button onClick={onHandedOver} block>
        I’m the partner: my turn
      </Button>
    </section>
  );
}
