/** Marks content the demo filled in where the source plan gives none (plan.illustrative / node.illustrative). */
import { Alert } from '@mantine/core';
import { useI18n } from '../i18n';

export function IllustrativeBadge({ show = true }: { show?: boolean | undefined }) {
  const { m } = useI18n();
  if (!show) return null;
  return (
    <span className="illustrative-badge" title={m.common.illustrativeHint}>
      {m.common.illustrative}
    </span>
  );
}

export function IllustrativeNotice({ show }: { show: boolean | undefined }) {
  const { m } = useI18n();
  if (!show) return null;
  return (
    <Alert variant="light" color="orange" title={<IllustrativeBadge />} className="illustrative-notice" mb="md">
      {m.common.illustrativePlan}
    </Alert>
  );
}
