import { notifications } from '@mantine/notifications';
import i18n from '../i18n';

/** A short confirmation at the top; its close button is named (Mantine's is an unnamed icon button otherwise). */
export function notifyDone(message: string) {
  notifications.show({ message, color: 'green', closeButtonProps: { 'aria-label': i18n.t('common:close') } });
}
