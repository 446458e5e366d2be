export { ExchangeRecords } from './exchange-records';
