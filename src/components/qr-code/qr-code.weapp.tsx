/**
 * WeChat: a Canvas 2D node, found with a selector query once the page has
 * rendered it, sized to the screen's pixel ratio.
 */
import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo } from 'react';
import { drawQr, qrMatrix, type Paint2D } from '../../display/qr-matrix';
import type { Props } from './types';
import './qr-code.scss';
import { a11y } from '../../platform/a11y';

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): Paint2D | null;
}

export function QrCode({ id, text, label }: Props) {
  const matrix = useMemo(() => qrMatrix(text), [text]);

  useEffect(() => {
    let current = true;
    // The canvas exists only after the render has reached the native side.
    Taro.nextTick(() => {
      // A page already gone (or a host without selector queries) has no canvas to draw on.
      const query = Taro.createSelectorQuery().select(`#${id}`);
      if (!current || typeof query?.fields !== 'function') return;
      query.fields({ node: true, size: true }).exec((results: Array<{ node?: CanvasNode; width?: number } | null>) => {
        const found = results?.[0];
        if (!current || !found?.node || !found.width) return;
        const canvas = found.node;
        const devicePx = Math.round(found.width * (Taro.getWindowInfo().pixelRatio || 1));
        canvas.width = devicePx;
        canvas.height = devicePx;
        const context = canvas.getContext('2d');
        if (context) drawQr(context, matrix, devicePx);
      });
    });
    return () => {
      current = false;
    };
  }, [id, matrix]);

  return (
    <View className='eid-qr' {...a11y({ role: 'img', label })}>
      <Canvas type='2d' id={id} className='eid-qr__canvas eid-qr__canvas--weapp' />
    </View>
  );
}
