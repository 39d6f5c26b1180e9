import { Link } from 'react-router';
import type { KpiReport } from '../../api/types';
import { useI18n } from '../../i18n';
import { percent } from './kpis';

/**
 * Feedback beside complaints in the period (kpis.feedback, docs/feedback.md): how many inquiries,
 * suggestions and praise came in, whether inquiries were answered in time, and what was
 * reclassified either way. Absent in reports stored before feedback was counted.
 */
export function FeedbackPanel({ report }: { report: KpiReport }) {
  const { t, label } = useI18n();
  const f = report.kpis.feedback;
  if (!f) return null;
  const r = f.inquiryFirstResponse;
  return (
    <section className="card" aria-labelledby="feedback-kpis" data-testid="feedback-kpis">
      <h2 id="feedback-kpis" className="section-title">
        {t('feedbackKpi.title')}
      </h2>
      <div className="stats">
        <div className="stat" data-kpi="feedbackReceived">
          <span className="stat-value">{f.received}</span>
          <span className="stat-label">{t('feedbackKpi.received')}</span>
          <span className="stat-sub">{Object.entries(f.volume.byKind).map(([k, n]) => `${label('feedbackKind', k)} ${n}`).join(' · ')}</span>
        </div>
        <div className="stat" data-kpi="inquiryFirstResponse">
          <span className="stat-value">{percent(r.rate)}</span>
          <span className="stat-label">{t('feedbackKpi.inquiryOnTime')}</span>
          <span className="stat-sub">{t('feedbackKpi.inquiryOf', { onTime: r.onTime, settled: r.onTime + r.late, pending: r.pending })}</span>
        </div>
        <div className="stat" data-kpi="reclassified">
          <span className="stat-value">{f.reclassified.asComplaint + f.reclassified.fromComplaint}</span>
          <span className="stat-label">{t('feedbackKpi.reclassified')}</span>
          <span className="stat-sub">{t('feedbackKpi.reclassifiedOf', { asComplaint: f.reclassified.asComplaint, fromComplaint: f.reclassified.fromComplaint })}</span>
        </div>
      </div>
      <p className="muted small">
        <Link to="/feedback">{t('feedbackKpi.list')}</Link>
      </p>
    </section>
  );
}
