export interface Props {
  /** A verification is running. */
  busy: boolean;
  /** A code was scanned (or, in the simulator, pasted and submitted). */
  onCode: (code: string) => void;
}
