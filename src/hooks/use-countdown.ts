import { useEffect, useState } from 'react';

function secondsUntil(deadline: number): number {
  return Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
}

/** Whole seconds left until a device-time deadline, ticking once a second. */
export function useCountdown(deadline: number | undefined): number {
  const [left, setLeft] = useState(() => (deadline ? secondsUntil(deadline) : 0));
  useEffect(() => {
    if (!deadline) return undefined;
    setLeft(secondsUntil(deadline));
    const timer = setInterval(() => setLeft(secondsUntil(deadline)), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return left;
}
