import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shows a device secret the gateway returned once; it is never shown again. */
export function SecretModal({ deviceId, secret, onClose }: { deviceId: string; secret: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={secret !== null} title={t('secret.title', { id: deviceId })} onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText={t('secret.done')} maskClosable={false}>
      <Alert type="warning" showIcon message={t('secret.once')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph copyable={{ text: secret ?? '' }} code data-testid="secret-value">
        {secret}
      </Typography.Paragraph>
    </Modal>
  );
}
