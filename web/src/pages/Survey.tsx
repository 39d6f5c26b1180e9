import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { apiBase } from '../api/client';
import { useI18n, type MessageKey } from '../i18n';

/**
 * The customer's satisfaction survey (docs/surveys.md "The public page"): opened from the one-time
 * link of a notice, without signing in, outside the staff layout. Chinese by default with an
 * English switch; shows the complaint's number and nothing else of it; CSAT 1–5 and NPS 0–10 as
 * radio groups with no answer chosen beforehand, and "what could be better". A used, expired or
 * invalid link gets a page saying so. The token is sent only to the API, never to anyone else
 * (the page is served with Referrer-Policy: no-referrer).
 */

interface PublicSurvey {
  reference: string;
  kind: 'complaint' | 'appeal' | 'product_nps';
  expiresAt: string;
}
type RefusalCode = 'survey_link_invalid' | 'survey_link_expired' | 'survey_link_used';
type View = { kind: 'loading' } | { kind: 'open'; survey: PublicSurvey } | { kind: 'thanks' } | { kind: 'refused'; code: RefusalCode } | { kind: 'failed' };

const codes: readonly RefusalCode[] = ['survey_link_invalid', 'survey_link_expired', 'survey_link_used'];

/** What a refusal's status and code mean for the page; anything unexpected is "try again later". */
async function outcome(res: Response): Promise<View | undefined> {
  if (res.ok) return undefined;
  let code: unknown;
  try {
    code = ((await res.json()) as { code?: unknown }).code;
  } catch {
    // not a problem document
  }
  if (codes.includes(code as RefusalCode)) return { kind: 'refused', code: code as RefusalCode };
  if (res.status === 404 || res.status === 400) return { kind: 'refused', code: 'survey_link_invalid' };
  return { kind: 'failed' };
}

/** Plain fetch: the customer has no session, and a staff session in the same tab must not ride along. */
const call = (method: 'GET' | 'POST', token: string, body?: unknown) =>
  fetch(`${apiBase}/public/surveys/${encodeURIComponent(token)}`, {
    method,
    headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
    referrerPolicy: 'no-referrer',
  });

const csatScale = [1, 2, 3, 4, 5] as const;
const npsScale = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export function SurveyPage() {
  const { token = '' } = useParams();
  const { t, locale, setLocale } = useI18n();
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [csat, setCsat] = useState<number>();
  const [nps, setNps] = useState<number>();
  const [verbatim, setVerbatim] = useState('');
  const [missing, setMissing] = useState<{ csat?: boolean; nps?: boolean }>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    call('GET', token)
      .then(async (res) => {
        const refused = await outcome(res);
        const next: View = refused ?? { kind: 'open', survey: (await res.json()) as PublicSurvey };
        if (live) setView(next);
      })
      .catch(() => live && setView({ kind: 'failed' }));
    return () => {
      live = false;
    };
  }, [token]);

  useEffect(() => {
    document.title = t('survey.documentTitle');
  }, [t]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const lacking = { ...(csat === undefined ? { csat: true } : {}), ...(nps === undefined ? { nps: true } : {}) };
    setMissing(lacking);
    if (lacking.csat || lacking.nps) {
      document.querySelector<HTMLInputElement>(lacking.csat ? 'input[name="csat"]' : 'input[name="nps"]')?.focus();
      return;
    }
    setBusy(true);
    try {
      const res = await call('POST', token, { csat, nps, ...(verbatim.trim() ? { verbatim: verbatim.trim() } : {}) });
      setView((await outcome(res)) ?? { kind: 'thanks' });
    } catch {
      setView({ kind: 'failed' });
    } finally {
      setBusy(false);
    }
  }

  const other = locale === 'zh' ? 'en' : 'zh';
  return (
    <div className="survey">
      <header className="survey-head">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            cx
          </span>
          <span className="survey-org">{t('survey.org')}</span>
        </span>
        <button type="button" className="btn btn-small" lang={other === 'en' ? 'en' : 'zh-CN'} onClick={() => setLocale(other)}>
          {other === 'en' ? 'English' : '中文'}
        </button>
      </header>
      <main className="survey-card" id="main">
        {view.kind === 'loading' && (
          <p className="muted" role="status">
            {t('common.loading')}
          </p>
        )}
        {view.kind === 'failed' && (
          <section aria-labelledby="survey-title">
            <h1 id="survey-title">{t('survey.failed.title')}</h1>
            <p>{t('survey.failed.body')}</p>
          </section>
        )}
        {view.kind === 'refused' && (
          <section aria-labelledby="survey-title" className="survey-refused">
            <h1 id="survey-title">{t(`survey.refused.${view.code}.title` as MessageKey)}</h1>
            <p>{t(`survey.refused.${view.code}.body` as MessageKey)}</p>
          </section>
        )}
        {view.kind === 'thanks' && (
          <section aria-labelledby="survey-title" className="survey-thanks">
            <h1 id="survey-title" tabIndex={-1} ref={(h) => h?.focus()}>
              {t('survey.thanks.title')}
            </h1>
            <p>{t('survey.thanks.body')}</p>
          </section>
        )}
        {view.kind === 'open' && (
          <form onSubmit={submit} noValidate aria-labelledby="survey-title">
            <h1 id="survey-title">{t('survey.title')}</h1>
            <p className="survey-ref">
              {t(view.survey.kind === 'appeal' ? 'survey.referenceAppeal' : 'survey.reference')} <span data-verbatim>{view.survey.reference}</span>
            </p>
            <p className="muted">{t('survey.intro')}</p>

            <fieldset className={`survey-scale${missing.csat ? ' field-error' : ''}`} aria-describedby={missing.csat ? 'csat-error' : undefined}>
              <legend>{t('survey.csat.question')}</legend>
              <div className="survey-options survey-options-5">
                {csatScale.map((v) => (
                  <label key={v} className="survey-option">
                    <input type="radio" name="csat" value={v} checked={csat === v} onChange={() => setCsat(v)} aria-invalid={missing.csat ? true : undefined} />
                    <span className="survey-option-value">{v}</span>
                    <span className="survey-option-label">{t(`survey.csat.${v}` as MessageKey)}</span>
                  </label>
                ))}
              </div>
              {missing.csat && (
                <p className="error-text" id="csat-error" role="alert">
                  {t('survey.csat.required')}
                </p>
              )}
            </fieldset>

            <fieldset className={`survey-scale${missing.nps ? ' field-error' : ''}`} aria-describedby={missing.nps ? 'nps-error nps-ends' : 'nps-ends'}>
              <legend>{t('survey.nps.question')}</legend>
              <div className="survey-options survey-options-11">
                {npsScale.map((v) => (
                  <label key={v} className="survey-option">
                    <input type="radio" name="nps" value={v} checked={nps === v} onChange={() => setNps(v)} aria-invalid={missing.nps ? true : undefined} />
                    <span className="survey-option-value">{v}</span>
                  </label>
                ))}
              </div>
              <p className="survey-ends muted" id="nps-ends">
                <span>{t('survey.nps.low')}</span>
                <span>{t('survey.nps.high')}</span>
              </p>
              {missing.nps && (
                <p className="error-text" id="nps-error" role="alert">
                  {t('survey.nps.required')}
                </p>
              )}
            </fieldset>

            <div className="field">
              <label htmlFor="survey-verbatim">{t('survey.verbatim')}</label>
              <textarea id="survey-verbatim" name="verbatim" rows={4} maxLength={2000} value={verbatim} onChange={(e) => setVerbatim(e.target.value)} aria-describedby="survey-verbatim-hint" />
              <span className="muted" id="survey-verbatim-hint">
                {t('survey.verbatimHint')}
              </span>
            </div>

            <button type="submit" className="btn btn-primary survey-submit" disabled={busy}>
              {t('survey.submit')}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}
