/**
 * The minutes of a meeting as a printable HTML document (GET /api/v1/meetings/{id}/minutes,
 * docs/meetings.md "Minutes"): who convened it, the roster and who attended, each agenda item
 * with its facts, its decision, the comment and the improvement action it raised, and the
 * chair's signature (or "not signed"). Every value is escaped; the print stylesheet fits A4.
 *
 * Pure.
 */
import type { MeetingView } from './types.js';

const escapeHtml = (v: unknown) =>
  String(v ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const decisionWords: Record<string, string> = {
  noted: 'Noted',
  raise_action: 'Improvement action raised',
  target_approved: 'Target change approved',
  target_refused: 'Target change refused',
  post_launch_continue: 'Post-launch: continue',
  post_launch_fix: 'Post-launch: fix (improvement action raised)',
  post_launch_withdraw: 'Post-launch: withdraw the product',
};

export function minutesHtml(v: MeetingView): string {
  const name = (userId: string | null) => v.roster.find((r) => r.userId === userId)?.name ?? userId ?? '';
  const present = new Set(v.attendance.map((a) => a.userId));
  const rows = v.items
    .map((item, n) => {
      const d = item.decision;
      const facts = Object.entries(item.facts)
        .map(([k, val]) => `<span class="fact">${escapeHtml(k)}: ${escapeHtml(val)}</span>`)
        .join(' ');
      const action = d?.action ? `<div class="action">Action <code>${escapeHtml(d.action.actionId)}</code>: ${escapeHtml(d.action.title)} — ${escapeHtml(d.action.owner.name)} (${escapeHtml(d.action.owner.userId)}, ${escapeHtml(d.action.ownerDepartment)}), due in ${d.action.dueInDays} working day(s) — <a href="/improvements/${escapeHtml(encodeURIComponent(d.action.actionId))}">open the action</a></div>` : '';
      return `<tr><td>${n + 1}</td><td><strong>${escapeHtml(item.title)}</strong><div class="facts">${facts}</div>${item.recused.length ? `<div class="recused">Recused: ${item.recused.map((u) => escapeHtml(name(u))).join(', ')}</div>` : ''}</td><td>${
        d
          ? `<strong>${escapeHtml(decisionWords[d.decision] ?? d.decision)}</strong>${d.comment ? `<div>${escapeHtml(d.comment)}</div>` : ''}${action}<div class="by">${escapeHtml(name(d.by))}${d.inChairsStead ? ' (in the chair’s stead)' : ''}, ${escapeHtml(d.at)}; quorum ${d.quorum.present}/${d.quorum.required}</div>`
          : '<em>not decided</em>'
      }</td></tr>`;
    })
    .join('\n');
  const signature = v.minutes.signedAt ? `Signed by ${escapeHtml(name(v.minutes.signedBy))} (chair) on ${escapeHtml(v.minutes.signedAt)}` : 'NOT SIGNED';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Minutes of the committee meeting ${escapeHtml(v.id)}</title>
<style>
body{font:14px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem;color:#111}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.4rem;vertical-align:top;text-align:left}
.fact{display:inline-block;margin-right:.8rem;color:#333}.by,.recused{color:#555;font-size:.9em}.action{margin-top:.3rem}
.signature{margin-top:2rem;font-weight:bold}
@media print{@page{size:A4;margin:15mm}body{margin:0;font-size:11pt}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}
</style></head><body>
<h1>Minutes of the customer-experience committee meeting ${escapeHtml(v.id)}</h1>
<p>${v.kind === 'extra' ? `Extra meeting${v.reason ? `: ${escapeHtml(v.reason)}` : ''}` : 'Monthly meeting'}; convened ${escapeHtml(v.convenedAt)} by ${escapeHtml(name(v.convenedBy) || v.convenedBy)}; reviewing ${escapeHtml(v.reviewedMonth)}.</p>
<p>Chair: ${escapeHtml(name(v.chairUserId))}. Present: ${v.roster.filter((r) => present.has(r.userId)).map((r) => escapeHtml(r.name)).join(', ') || 'nobody'}. Absent: ${v.roster.filter((r) => !present.has(r.userId)).map((r) => escapeHtml(r.name)).join(', ') || 'nobody'}. Quorum ${v.quorum.present}/${v.quorum.required}.</p>
<table><thead><tr><th>#</th><th>Agenda item</th><th>Decision</th></tr></thead><tbody>
${rows}
</tbody></table>
<p class="signature">${signature}</p>
</body></html>
`;
}
