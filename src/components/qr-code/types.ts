export interface Props {
  /** The canvas's id, stable for e2e tests. */
  id: string;
  /** What the QR code encodes. */
  text: string;
  /** What a screen reader says instead of the picture. */
  label: string;
}
