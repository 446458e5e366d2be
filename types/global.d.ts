/// <reference types="@tarojs/taro" />
declare module '*.scss';
declare module '*.png';
declare const process: { env: { TARO_ENV: 'weapp' | 'h5' | string; [key: string]: string | undefined } };
