import { stages } from '@domain/gates/stages.js';
import type { Initiative } from '../../api/types';
import { useI18n } from '../../i18n';

/** The lifecycle as a track: stages passed, the current one (with its state), those ahead. */
export function StageTrack({ initiative }: { initiative: Initiative }) {
  const { t, label } = useI18n();
  const current = stages.indexOf(initiative.stage);
  const ended = initiative.status === 'rejected' || initiative.status === 'withdrawn';
  return (
    <ol className="stage-track" aria-label={t('initiative.track')}>
      {stages.map((s, i) => {
        const state = i < current || initiative.status === 'launched' ? 'done' : i === current ? (ended ? 'ended' : 'current') : 'todo';
        return (
          <li key={s} className={`stage stage-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="stage-dot" aria-hidden="true">
              {state === 'done' ? '✓' : state === 'ended' ? '✕' : i + 1}
            </span>
            <span className="stage-name">{label('stage', s)}</span>
            <span className="stage-state">{state === 'current' || state === 'ended' ? label('initiativeStatus', initiative.status) : label('track', state)}</span>
          </li>
        );
      })}
    </ol>
  );
}
