import { type PointerEvent, useEffect, useRef, useState } from 'react';
import { type Drag, type Gesture, isThrow, leaveMs, slopPx, swipeStyle } from './swipe-gesture';

export interface CardSwipeOptions {
  enabled: boolean;
  /** Whether a swipe throws the card off the screen (the card is about to change) or it springs back. */
  leaves: boolean;
  /** Sends at once rather than once the card is gone (two phones: the partner's phone should not wait). */
  sendFirst?: boolean;
  /** A command is on its way: a card that left comes back if it ends without a new card. */
  busy: boolean;
  onSwipe: () => void;
}

const prefersReducedMotion = () =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * A card that follows a finger (or mouse) sideways with a slight tilt. Released past the threshold or
 * flicked, it calls onSwipe: leaving the screen first when the card is about to change, springing back
 * otherwise; released early, it springs back. With reduced motion it does not move, only fades.
 * Vertical drags stay with the browser's scrolling (touch-action: pan-y on the card).
 */
export function useCardSwipe({ enabled, leaves, sendFirst = false, busy, onSwipe }: CardSwipeOptions) {
  const [drag, setDrag] = useState<Drag>({ phase: 'rest', dx: 0, width: 1, reduced: false });
  const gesture = useRef<Gesture | null>(null);
  const latest = useRef({ onSwipe, busy, sawBusy: false });
  latest.current.onSwipe = onSwipe;
  latest.current.busy = busy;
  const back = (d: Drag): Drag => ({ ...d, phase: 'back', dx: 0 });

  // A thrown card waits off screen for the next one; if the command ends without one, the card comes back.
  useEffect(() => {
    if (drag.phase !== 'gone') return;
    if (busy) latest.current.sawBusy = true;
    else if (latest.current.sawBusy) setDrag(back);
  }, [busy, drag.phase]);

  useEffect(() => {
    if (drag.phase !== 'gone') return;
    let unanswered = 0;
    const leaving = window.setTimeout(() => {
      if (!sendFirst) latest.current.onSwipe();
      // Nothing went out after all: come back rather than leave an empty table.
      unanswered = window.setTimeout(() => latest.current.busy || setDrag(back), 1500);
    }, leaveMs);
    return () => {
      window.clearTimeout(leaving);
      window.clearTimeout(unanswered);
    };
  }, [drag.phase, sendFirst]);

  const release = (event: PointerEvent<HTMLElement>) => {
    const from = gesture.current;
    gesture.current = null;
    if (!from || from.id !== event.pointerId || from.axis !== 'x') return;
    const dx = event.clientX - from.x;
    if (!isThrow(from, event.clientX, event.timeStamp)) {
      setDrag(back);
    } else if (leaves) {
      latest.current.sawBusy = false;
      if (sendFirst) onSwipe();
      setDrag((d) => ({ ...d, phase: 'gone', dx: Math.sign(dx) * (window.innerWidth + from.width) }));
    } else {
      onSwipe();
      setDrag(back);
    }
  };

  return {
    style: enabled || drag.phase !== 'drag' ? swipeStyle(drag) : {},
    handlers: enabled
      ? {
          onPointerDown: (event: PointerEvent<HTMLElement>) => {
            if (!event.isPrimary || event.button !== 0 || drag.phase === 'gone') return;
            const { width } = event.currentTarget.getBoundingClientRect();
            gesture.current = {
              id: event.pointerId,
              x: event.clientX,
              y: event.clientY,
              width,
              axis: null,
              samples: [],
            };
          },
          onPointerMove: (event: PointerEvent<HTMLElement>) => {
            const g = gesture.current;
            if (!g || g.id !== event.pointerId) return;
            const dx = event.clientX - g.x;
            const dy = event.clientY - g.y;
            if (g.axis === null) {
              if (Math.max(Math.abs(dx), Math.abs(dy)) < slopPx) return;
              g.axis = Math.abs(dx) > Math.abs(dy) ? 'x' : 'y';
              // Captured only once it is a drag, so a tap still reaches the buttons on the card.
              if (g.axis === 'x') event.currentTarget.setPointerCapture?.(event.pointerId);
            }
            if (g.axis !== 'x') return;
            g.samples = [...g.samples.slice(-5), { x: event.clientX, t: event.timeStamp }];
            setDrag({ phase: 'drag', dx, width: Math.max(g.width, 1), reduced: prefersReducedMotion() });
          },
          onPointerUp: release,
          onPointerCancel: () => {
            gesture.current = null;
            setDrag((d) => (d.phase === 'drag' ? back(d) : d));
          },
        }
      : {},
  };
}
