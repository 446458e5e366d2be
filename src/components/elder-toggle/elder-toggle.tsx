import { Button } from '@tarojs/components';
import { useElderMode } from '../../hooks/use-elder-mode';
import { useT } from '../../i18n';
import { setElderMode } from '../../state/elder-mode';
import '../lang-toggle/lang-toggle.scss';
import { a11y } from '../../platform/a11y';

export interface Props {
  id?: string;
}

/** 长辈模式 on / off: larger type and touch targets, remembered on the device. Says its state in words. */
export function ElderToggle({ id = 'elder-toggle' }: Props) {
  const { t } = useT();
  const on = useElderMode();
  const label = t(on ? 'elder.on' : 'elder.off');
  return (
    <Button id={id} className={on ? 'eid-lang-toggle eid-lang-toggle--on' : 'eid-lang-toggle'} {...a11y({ role: 'button', label: t(on ? 'elder.turnOff' : 'elder.turnOn') })} onClick={() => setElderMode(!on)}>
      {on ? '✓ ' : ''}
      {label}
    </Button>
  );
}
