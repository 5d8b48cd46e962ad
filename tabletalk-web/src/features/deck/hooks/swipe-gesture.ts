import type { CSSProperties } from 'react';

// What a sideways drag of a card means and how the card looks meanwhile (used by useCardSwipe).

/** Movement before a touch counts as a drag (and which way it goes): below this it is a tap. */
export const slopPx = 10;
/** Released this far to either side (a third of the card's width, kept within these bounds), the card goes. */
const throwPx = 110;
const minThrowPx = 60;
/** A flick: released moving at least this fast (px/ms) in the direction it was dragged, however short. */
const flickSpeed = 0.5;
const flickMinPx = 30;
export const leaveMs = 240;

export type Phase = 'rest' | 'drag' | 'back' | 'gone';

export interface Drag {
  phase: Phase;
  dx: number;
  width: number;
  reduced: boolean;
}

export interface Gesture {
  id: number;
  x: number;
  y: number;
  width: number;
  axis: 'x' | 'y' | null;
  /** The last moves, to tell a flick from a slow drag. */
  samples: { x: number; t: number }[];
}

/** Whether a drag released at (x, t) throws the card: far enough, or a flick in the direction it went. */
export function isThrow(from: Gesture, x: number, t: number): boolean {
  const dx = x - from.x;
  const first = from.samples.find((sample) => t - sample.t <= 100);
  const speed = first && t > first.t ? (x - first.x) / (t - first.t) : 0;
  const flicked = Math.abs(speed) >= flickSpeed && Math.abs(dx) >= flickMinPx && Math.sign(speed) === Math.sign(dx);
  return flicked || Math.abs(dx) >= Math.max(minThrowPx, Math.min(throwPx, from.width / 3));
}

export function swipeStyle({ phase, dx, width, reduced }: Drag): CSSProperties {
  switch (phase) {
    case 'drag':
      return reduced
        ? { opacity: 1 - Math.min(Math.abs(dx) / throwPx, 1) * 0.5 }
        : { transform: `translateX(${dx}px) rotate(${(dx / width) * 8}deg)` };
    case 'gone':
      return reduced
        ? { opacity: 0, transition: `opacity ${leaveMs}ms ease-in` }
        : {
            opacity: 0,
            transform: `translateX(${dx}px) rotate(${Math.sign(dx) * 20}deg)`,
            transition: `transform ${leaveMs}ms ease-in, opacity ${leaveMs}ms ease-in`,
          };
    case 'back':
      return { transition: 'transform 360ms cubic-bezier(0.3, 1.5, 0.6, 1), opacity 200ms ease-out' };
    case 'rest':
      return {};
  }
}
