import type { Erasure } from '../../api/types';
import { Badge, type Tone } from '../../components/Badge';
import { useI18n, type MessageKey } from '../../i18n';

const tones: Record<Erasure['status'], Tone> = { requested: 'info', held: 'warning', awaiting_approval: 'accent', approved: 'info', completed: 'success', refused: 'neutral' };

export function ErasureStatusBadge({ status }: { status: Erasure['status'] }) {
  const { t } = useI18n();
  return <Badge tone={tones[status]}>{t(`erasureStatus.${status}` as MessageKey)}</Badge>;
}

/** One hold, in words. */
export function HoldText({ hold }: { hold: Erasure['holds'][number] }) {
  const { t, label } = useI18n();
  if (hold.kind === 'legal_hold') return <>{t('erasure.hold.legal_hold', { reason: hold.reason, by: hold.setBy })}</>;
  if (hold.kind === 'open_appeal') return <>{t('erasure.hold.open_appeal', { id: hold.complaintId.slice(0, 8) })}</>;
  return <>{t('erasure.hold.open_complaint', { id: hold.complaintId.slice(0, 8), status: label('complaintStatus', hold.status) })}</>;
}
