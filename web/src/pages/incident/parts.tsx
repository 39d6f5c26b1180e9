import type { Incident } from '../../api/types';
import { Badge, type Tone } from '../../components/Badge';
import { shortId } from '../../components/format';
import { useTaxonomy } from '../../hooks/useTaxonomy';
import { useI18n } from '../../i18n';

const statusTone: Record<string, Tone> = { open: 'danger', assigned: 'warning', responding: 'accent', closed: 'neutral' };

export function IncidentStatusBadge({ status }: { status: string }) {
  const { label } = useI18n();
  return <Badge tone={statusTone[status] ?? 'neutral'}>{label('incidentStatus', status)}</Badge>;
}

/** "7 complaints about product X in 24 h (baseline 1.5 per window)", the value named in the reader's language. */
export function TriggerText({ incident }: { incident: Incident }) {
  const { t, label } = useI18n();
  const { labelOf } = useTaxonomy();
  const { dimension, value, count, baseline } = incident.trigger;
  const shown = dimension === 'channel' ? label('channel', value) : dimension === 'rootCause' ? labelOf(value) : shortId(value);
  return (
    <span>
      {t('incident.triggerText', { count, dimension: t(`incident.dimension.${dimension}` as 'incident.dimension.product'), value: shown, baseline })}
    </span>
  );
}
