export type FieldType = 'text' | 'idcard' | 'number';

export interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  type?: FieldType;
  placeholder?: string;
  maxlength?: number;
  /** Turning this on moves the focus here (used to point at the first problem). */
  focus?: boolean;
  /** A secret (the card password): its characters are hidden as they are typed. */
  secret?: boolean;
  /** The problem with the current value, shown under the field. */
  error?: string;
}
