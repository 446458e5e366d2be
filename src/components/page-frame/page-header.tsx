// Taro picks page-header.weapp.tsx or page-header.h5.tsx; this serves the type checker and other platforms.
export { PageHeader } from './page-header.h5';
