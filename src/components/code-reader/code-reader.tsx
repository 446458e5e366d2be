// Taro picks code-reader.weapp.tsx (camera scan) or code-reader.h5.tsx (paste); this serves the type checker and other platforms.
export { CodeReader } from './code-reader.h5';
