import type { ReactNode } from 'react';

export interface Props {
  /** The challenge steps, shown inside the capture frame. */
  children: ReactNode;
}
