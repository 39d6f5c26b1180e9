import { Badge } from '../../components/Badge';
import { useI18n } from '../../i18n';
import { AttachmentLink } from './Attachments';

/** The order of docs/http-contract.md's deliverable types (the database gives keys back in its own order). */
const fieldOrder = [
  'methods', 'segments', 'findings', 'needs', 'painPoints', 'expectations',
  'functionalDesign', 'interfaceDesign', 'processDesign', 'uxObjectives', 'accessibilityNotes',
  'internalTest', 'business', 'technology', 'qa', 'functionalCompleteness', 'stability', 'compatibility', 'notes',
  'userTest', 'participants', 'usability', 'functionality', 'satisfaction', 'optimisations',
  'scores', 'function', 'performance', 'security', 'userExperience', 'report', 'goLivePlan',
  'attachments', 'uri', 'sha256',
];
const rank = (k: string) => {
  const i = fieldOrder.indexOf(k);
  return i < 0 ? fieldOrder.length : i;
};

/** An attachment of the deliverables: `{ uri, sha256 }` (domain/gates/deliverables.ts). */
function isAttachment(value: object): value is { uri: string; sha256: string } {
  const o = value as Record<string, unknown>;
  return typeof o.uri === 'string' && typeof o.sha256 === 'string' && Object.keys(o).length === 2;
}

/** A version's deliverables, readable: labelled fields, lists, pass/fail checks, scores, attachments as download links. */
export function Deliverables({ value }: { value: unknown }) {
  return <Value value={value} />;
}

function Value({ value }: { value: unknown }) {
  const { t, label } = useI18n();
  if (value === null || value === undefined) return <span className="muted">—</span>;
  if (typeof value === 'boolean') return <Badge tone={value ? 'success' : 'danger'}>{value ? t('check.pass') : t('check.fail')}</Badge>;
  if (typeof value === 'number') return <span className="num">{value}</span>;
  if (typeof value === 'string') return <span className="prewrap">{label('method', value)}</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">—</span>;
    return (
      <ul className="plain-list">
        {value.map((v, i) => (
          <li key={i}>
            <Value value={v} />
          </li>
        ))}
      </ul>
    );
  }
  if (typeof value === 'object' && isAttachment(value)) return <AttachmentLink uri={value.uri} sha256={value.sha256} />;
  if (typeof value === 'object') {
    return (
      <dl className="kv">
        {Object.entries(value as Record<string, unknown>)
          .sort(([a], [b]) => rank(a) - rank(b))
          .map(([k, v]) => (
          <div key={k} className="kv-row">
            <dt>{label('field', k)}</dt>
            <dd>
              <Value value={v} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <span>{String(value)}</span>;
}
