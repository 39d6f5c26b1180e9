import { useMemo } from 'react';
import { api } from '../../api/client';
import type { ProductVoice as ProductVoiceData } from '../../api/types';
import { ErrorNotice, Loading } from '../../components/Notice';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { Chart, type ChartOption } from '../reports/Chart';
import { monthName, npsPoints as points } from '../reports/kpis';

const blue = '#1f4e8c';
const grey = '#9aa5b1';

/**
 * A launched product's NPS month by month beside its complaints (GET /initiatives/{id}/voice):
 * a chart (NPS line, complaint bars) and the same figures as a table with each month's 95 %
 * range and answers, for keyboards, screen readers and phones.
 */
export function ProductVoice({ initiativeId }: { initiativeId: string }) {
  const { t, tag } = useI18n();
  const voice = useApi(() => api.get<ProductVoiceData>(`/initiatives/${initiativeId}/voice`), [initiativeId]);
  const months = voice.data?.months ?? [];
  const chart = useMemo(() => {
    const names = months.map((m) => monthName(m.month, tag));
    const option: ChartOption = {
      grid: { left: 44, right: 44, top: 36, bottom: 36 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: names },
      yAxis: [
        { type: 'value', name: t('voice.nps'), min: -100, max: 100 },
        { type: 'value', name: t('productVoice.complaints'), minInterval: 1 },
      ],
      series: [
        { name: t('productVoice.complaints'), type: 'bar', yAxisIndex: 1, barMaxWidth: 26, itemStyle: { color: grey }, data: months.map((m) => m.complaints) },
        { name: t('voice.nps'), type: 'line', connectNulls: false, itemStyle: { color: blue }, data: months.map((m) => m.nps.score ?? '-') },
      ],
    };
    const words = months.map((m, i) => `${names[i]}: ${t('voice.nps')} ${points(m.nps.score)} (${t('productVoice.answersN', { n: m.nps.answers })}), ${t('productVoice.complaintsN', { n: m.complaints })}`).join('; ');
    return { option, words };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [voice.data, t, tag]);

  return (
    <section className="card" aria-labelledby="product-voice" data-testid="product-voice">
      <h2 id="product-voice">{t('productVoice.title')}</h2>
      <p className="muted small">{t('productVoice.note')}</p>
      <ErrorNotice error={voice.error} />
      {voice.loading && <Loading />}
      {voice.data && months.length === 0 && <p className="empty">{t('productVoice.empty')}</p>}
      {months.length > 0 && (
        <>
          <Chart option={chart.option} label={chart.words} height={240} />
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('productVoice.title')}>
            <table className="table">
              <caption className="sr-only">{t('productVoice.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('productVoice.month')}</th>
                  <th scope="col" className="num">{t('voice.nps')}</th>
                  <th scope="col" className="num">{t('voice.answers')}</th>
                  <th scope="col" className="num">{t('productVoice.complaints')}</th>
                </tr>
              </thead>
              <tbody>
                {months.map((m) => (
                  <tr key={m.month} data-month={m.month}>
                    <th scope="row">{monthName(m.month, tag)}</th>
                    <td className="num" data-voice="nps">
                      {points(m.nps.score)}{' '}
                      {m.nps.low !== null && m.nps.high !== null && <span className="muted small">{t('voice.range', { low: points(m.nps.low), high: points(m.nps.high) })}</span>}
                    </td>
                    <td className="num">{m.nps.answers}</td>
                    <td className="num">{m.complaints}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
