export interface Props {
  /** A verification is running. */
  busy: boolean;
  /** A code was scanned (or, in the simulator, pasted and submitted). */
  onCode: (code: string) => void;
  /** Prefix of the reader's element ids (#staff-token, #staff-verify…); another page names its own so no id repeats in the h5 DOM. */
  idPrefix?: string;
  /** The paste button's label and its busy label (the staff page's 核验 by default). */
  submitLabel?: string;
  busyLabel?: string;
  /** WeChat: what is said before anyone scans (the staff page's note by default). */
  noTerminalNote?: string;
}
