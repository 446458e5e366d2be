export { SimulatorCode } from './simulator-code';
export type { Props as SimulatorCodeProps } from './types';
