import { Button } from '@tarojs/components';
import { useT } from '../../i18n';
import './action-button.scss';
import { a11y } from '../../platform/a11y';

export type ButtonVariant = 'primary' | 'secondary';

export interface Props {
  id: string;
  label: string;
  onTap: () => void;
  variant?: ButtonVariant;
  /** A call is running: the button is disabled and says so. */
  busy?: boolean;
  busyLabel?: string;
  /**
   * Not ready yet: looks unavailable but still answers a tap, so the page can
   * explain what is missing instead of leaving a dead button.
   */
  blocked?: boolean;
  /** What a screen reader says when it should say more than the label. */
  ariaLabel?: string;
}

export function ActionButton({ id, label, onTap, variant = 'primary', busy = false, busyLabel, blocked = false, ariaLabel }: Props) {
  const { t } = useT();
  const classes = ['eid-button', `eid-button--${variant}`];
  if (blocked) classes.push('eid-button--blocked');
  if (busy) classes.push('eid-button--busy');
  return (
    <Button id={id} className={classes.join(' ')} disabled={busy} onClick={onTap} {...a11y({ role: 'button', label: busy ? busyLabel ?? t('common.busy') : ariaLabel ?? label })}>
      {busy ? busyLabel ?? t('common.busy') : label}
    </Button>
  );
}
