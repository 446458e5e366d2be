/**
 * WeChat's in-app browser for a tile whose target is a web page: it opens the
 * page handed over with its one-time code (src/platform/open-target.weapp.ts),
 * once. The partner's domain must be among the mini-program's business
 * domains. The browser build redirects instead and never comes here.
 */
import { Text, WebView } from '@tarojs/components';
import { useState } from 'react';
import { Notice } from '../../../components/notice';
import { PageFrame } from '../../../components/page-frame';
import { useT } from '../../../i18n';
import { backTo } from '../../../navigation/navigation';
import { takeWebPage } from '../../../state/service-choice';

export default function ServiceOpen() {
  const { t } = useT();
  const [url] = useState(takeWebPage);
  if (url) return <WebView src={url} />;
  return (
    <PageFrame titleKey='title.serviceOpen' exit={{ id: 'service-open-back', label: t('grants.back'), onTap: () => backTo('services') }}>
      <Notice tone='warning' id='service-open-gone'>
        <Text>{t('serviceOpen.gone')}</Text>
      </Notice>
    </PageFrame>
  );
}
