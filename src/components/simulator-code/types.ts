export interface Props {
  /** The id of the element holding exactly the code's text. */
  id: string;
  text: string;
}
