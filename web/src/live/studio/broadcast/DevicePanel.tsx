import { Alert, Button, Card, Group, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { corners, type Corner } from './insetLayout';
import { NONE, type useMediaDevices } from './useMediaDevices';

type Props = {
  devices: ReturnType<typeof useMediaDevices>;
  muted: boolean;
  onMuted: (muted: boolean) => void;
  corner: Corner;
  onCorner: (corner: Corner) => void;
  level: number;
  onAllow: () => void;
};

/** Camera, microphone (with mute and a level meter), screen sharing and where the camera sits over the screen. */
export function DevicePanel({ devices, muted, onMuted, corner, onCorner, level, onAllow }: Props) {
  const { t } = useTranslation('studio');
  const options = (list: MediaDeviceInfo[], none: string) => [
    { value: NONE, label: none },
    ...list.map((device, i) => ({ value: device.deviceId, label: device.label || `${i + 1}` })),
  ];
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">{t('broadcast.devices')}</Title>
        {devices.permission !== 'granted' && (
          <Stack gap="xs">
            <Text size="sm">{t('broadcast.allowHint')}</Text>
            <Button w="fit-content" loading={devices.permission === 'asking'} onClick={onAllow}>{t('broadcast.allow')}</Button>
          </Stack>
        )}
        {devices.permission === 'denied' && <Alert color="red" role="alert">{t('broadcast.denied')}</Alert>}
        {devices.permission === 'granted' && (
          <>
            <Select label={t('broadcast.camera')} data={options(devices.cameras, t('broadcast.noCamera'))} value={devices.cameraId}
              onChange={(value) => devices.setCameraId(value ?? NONE)} allowDeselect={false} />
            <Select label={t('broadcast.microphone')} data={options(devices.microphones, t('broadcast.noMicrophone'))} value={devices.microphoneId}
              onChange={(value) => devices.setMicrophoneId(value ?? NONE)} allowDeselect={false} />
            <Stack gap={4}>
              <Progress value={muted ? 0 : Math.round(level * 100)} aria-label={t('broadcast.level')} color={muted ? 'gray' : 'green.8'} />
              {muted && <Text size="sm" c="red.8">{t('broadcast.muted')}</Text>}
            </Stack>
            <Button variant={muted ? 'filled' : 'default'} color={muted ? 'red.8' : undefined} w="fit-content" aria-pressed={muted}
              onClick={() => onMuted(!muted)}>
              {muted ? t('broadcast.unmute') : t('broadcast.mute')}
            </Button>
          </>
        )}
        <Group>
          {devices.screen
            ? <Button variant="default" onClick={devices.stopScreen}>{t('broadcast.stopScreen')}</Button>
            : <Button variant="default" onClick={() => void devices.shareScreen()}>{t('broadcast.shareScreen')}</Button>}
        </Group>
        {devices.screenFailed && <Alert color="orange" role="alert">{t('broadcast.screenFailed')}</Alert>}
        <Select label={t('broadcast.corner')} data={corners.map((value) => ({ value, label: t(`broadcast.corners.${value}`) }))}
          value={corner} onChange={(value) => value && onCorner(value as Corner)} allowDeselect={false} />
      </Stack>
    </Card>
  );
}
