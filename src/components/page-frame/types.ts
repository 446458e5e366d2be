/** Where the page's way back or out leads, and what it is called. */
export interface PageExit {
  /** Element id of the header's back button (h5). */
  id: string;
  /** What a screen reader says, e.g. "返回卡包". */
  label: string;
  onTap: () => void;
}

export interface HeaderProps {
  title: string;
  exit?: PageExit;
}
