/**
 * The browser simulator: a plain <canvas>, drawn at whole CSS pixels per
 * module and at the screen's pixel ratio, wide enough (≥ 280 px) for a
 * screenshot or a webcam to decode reliably.
 */
import { View } from '@tarojs/components';
import { useEffect, useMemo, useRef } from 'react';
import { drawQr, qrMatrix } from '../../display/qr-matrix';
import type { Props } from './types';
import './qr-code.scss';

const MIN_CSS_PX = 280;
const MIN_MODULE_CSS_PX = 4;

export function QrCode({ id, text, label }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const matrix = useMemo(() => qrMatrix(text), [text]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const modulePx = Math.max(MIN_MODULE_CSS_PX, Math.ceil(MIN_CSS_PX / matrix.size));
    const cssPx = modulePx * matrix.size;
    const devicePx = Math.round(cssPx * (window.devicePixelRatio || 1));
    canvas.width = devicePx;
    canvas.height = devicePx;
    // Height follows the square bitmap, so a narrower screen shrinks the code without stretching it.
    canvas.style.width = `${cssPx}px`;
    drawQr(context, matrix, devicePx);
  }, [matrix]);

  return (
    <View className='eid-qr'>
      <canvas id={id} ref={canvasRef} className='eid-qr__canvas' role='img' aria-label={label} />
    </View>
  );
}
