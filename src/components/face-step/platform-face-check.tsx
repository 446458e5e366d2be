import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { authorityLabel } from '../../display/authority';
import { runPlatformFaceCheck, type PlatformFaceOutcome } from '../../platform/face-verify';
import { ActionButton } from '../action-button';
import { Notice } from '../notice';
import type { HeldChallenge } from '../../api/face-session';

export interface Props {
  challenge: HeldChallenge;
  verifying: boolean;
  /** The check finished on the device: send this capture (the verifyId) to the server, which asks WeChat for the verdict. */
  onCompleted: (faceCapture: string) => void;
}

type Stopped = Exclude<PlatformFaceOutcome, { kind: 'completed' }>;

function stoppedKey(outcome: Stopped): MessageKey {
  return outcome.kind === 'needs_permission' ? `face.platform.needs_permission.${outcome.what}` : `face.platform.${outcome.kind}`;
}

/** The deployed face check: WeChat's own screen (wx.requestFacialVerify) for the server's verifyId, with each way it can stop explained. */
export function PlatformFaceCheck({ challenge, verifying, onCompleted }: Props) {
  const { t } = useT();
  const [running, setRunning] = useState(false);
  const [stopped, setStopped] = useState<Stopped | null>(null);

  const run = async () => {
    setRunning(true);
    setStopped(null);
    const outcome = await runPlatformFaceCheck(challenge.view.verifyId!);
    setRunning(false);
    if (outcome.kind === 'completed') onCompleted(outcome.faceCapture);
    else setStopped(outcome);
  };

  return (
    <View id='face-platform' className='eid-face'>
      <Text id='face-authority' className='eid-face__authority'>
        {authorityLabel(challenge.view.authority, t)}
      </Text>
      <Text className='eid-paragraph'>{t('face.platform.intro')}</Text>
      {stopped && (
        <Notice tone='error' id='face-platform-stopped'>
          <Text>{t(stoppedKey(stopped))}</Text>
          {stopped.kind === 'failed' && stopped.errCode !== undefined && <Text className='eid-support'>{`${t('support.details')}WeChat ${stopped.errCode}`}</Text>}
        </Notice>
      )}
      <ActionButton
        id='face-platform-start'
        label={t('face.platform.start')}
        busy={running || verifying}
        busyLabel={t(verifying ? 'face.verifying' : 'face.platform.running')}
        onTap={() => void run()}
      />
    </View>
  );
}
