import { type PointerEvent, useRef } from 'react';

const minDistancePx = 60;

/**
 * A horizontal swipe to the left (mostly sideways, at least 60 px) calls onSwipeLeft. Pointer
 * events cover touch, pen and mouse; vertical scrolling stays with the browser (touch-action: pan-y).
 */
export function useSwipeLeft(onSwipeLeft: () => void, enabled: boolean) {
  const start = useRef<{ x: number; y: number; id: number } | null>(null);

  if (!enabled) return {};
  return {
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      start.current = { x: event.clientX, y: event.clientY, id: event.pointerId };
    },
    onPointerUp: (event: PointerEvent<HTMLElement>) => {
      const from = start.current;
      start.current = null;
      if (!from || from.id !== event.pointerId) return;
      const dx = event.clientX - from.x;
      const dy = event.clientY - from.y;
      if (dx <= -minDistancePx && Math.abs(dx) > Math.abs(dy) * 1.5) onSwipeLeft();
    },
    onPointerCancel: () => {
      start.current = null;
    },
  };
}
