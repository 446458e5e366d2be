export { FailureNotice, type Props as FailureNoticeProps } from './failure-notice';
export { SupportLine, type Props as SupportLineProps } from './support-line';
