import { Badge } from '../../components/Badge';
import { useI18n, type MessageKey } from '../../i18n';

const tone = { in_session: 'info', minutes_ready: 'warning', signed: 'success' } as const;

export function MeetingStatusBadge({ status }: { status: keyof typeof tone }) {
  const { t } = useI18n();
  return <Badge tone={tone[status]}>{t(`meeting.statusValue.${status}` as MessageKey)}</Badge>;
}
