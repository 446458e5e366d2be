export { Notice, type Props as NoticeProps, type NoticeTone } from './notice';
