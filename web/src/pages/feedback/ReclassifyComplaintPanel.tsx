import { feedbackKinds } from '@domain/feedback/types.js';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Complaint, Feedback } from '../../api/types';
import { hasRole, type SessionUser } from '../../auth/session';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useCommand } from '../../hooks/useApi';
import { useI18n } from '../../i18n';

/**
 * A complaint that was really an inquiry, a suggestion or praise (docs/feedback.md
 * "Reclassification"): a supervisor, before any resolution, closes it with a reason and opens the
 * feedback item; a reclassified complaint links to its item.
 */
export function ReclassifyComplaintPanel({ complaint: c, user }: { complaint: Complaint; user: SessionUser }) {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const [kind, setKind] = useState<string>('praise');
  const [reason, setReason] = useState('');
  const run = useCommand((body: unknown) => api.post<{ complaintId: string; feedback: Feedback }>(`/complaints/${c.id}/reclassify`, body));
  if (c.reclassified) {
    return (
      <section className="card" aria-labelledby="reclassified">
        <h2 id="reclassified">{t('feedback.reclassifiedTitle')}</h2>
        <p>
          {t('feedback.complaintReclassified', { kind: label('feedbackKind', c.reclassified.kind) })} <Link to={`/feedback/${c.reclassified.feedbackId}`}>{t('feedback.open')}</Link>
        </p>
        <p className="muted small prewrap">{c.reclassified.reason}</p>
      </section>
    );
  }
  const open = ['open', 'responded', 'transferred'].includes(c.status) && c.resolutions.length === 0;
  if (!open || !hasRole(user, 'supervisor')) return null;
  return (
    <section className="card" aria-labelledby="reclassify">
      <h2 id="reclassify">{t('feedback.reclassifyComplaint')}</h2>
      <p className="muted small">{t('feedback.reclassifyComplaintHint')}</p>
      <ErrorNotice error={run.error} />
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void run.exec({ kind, reason }).then((r) => r && navigate(`/feedback/${r.feedback.id}`));
        }}
      >
        <Field label={t('feedback.kind')}>
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            {feedbackKinds.map((k) => (
              <option key={k} value={k}>
                {label('feedbackKind', k)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('feedback.reason')} required>
          <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <button type="submit" className="btn" disabled={run.pending || reason.trim() === ''}>
          {t('feedback.reclassifyComplaintSubmit')}
        </button>
      </form>
    </section>
  );
}
