/**
 * While `active` (a code is on screen): the platform's QR screen (brighter,
 * kept on, protected from capture), left again when the code goes, the page
 * hides or unmounts. Says what the platform could do and whether a
 * screenshot was taken.
 */
import { useDidHide } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { enterQrScreen, type QrScreenAbilities, type QrScreenSession } from '../platform/qr-screen';

export interface QrScreen {
  abilities: QrScreenAbilities | null;
  /** A screenshot was taken while the code was shown. */
  captured: boolean;
}

export function useQrScreen(active: boolean): QrScreen {
  const [abilities, setAbilities] = useState<QrScreenAbilities | null>(null);
  const [captured, setCaptured] = useState(false);
  const session = useRef<QrScreenSession | null>(null);

  const leave = () => {
    session.current?.leave();
    session.current = null;
  };

  useEffect(() => {
    if (!active) return undefined;
    let current = true;
    void enterQrScreen(() => setCaptured(true)).then((entered) => {
      if (!current) {
        entered.leave();
        return;
      }
      session.current = entered;
      setAbilities(entered.abilities);
    });
    return () => {
      current = false;
      leave();
      setCaptured(false);
    };
  }, [active]);

  useDidHide(leave);

  return { abilities, captured };
}
