import type { Translate } from '../../i18n';

type Label = (prefix: string, value: string) => string;

/**
 * The committee's words as a review records them (domain/gates/commands.ts `committeeComments`):
 * `userId (decision): comment`, the chair's `userId (chair, decision): comment`. Kept as recorded
 * (a running review carries them), so worded here: the person's name and the decision in the
 * reader's language. `summary` is several of them joined by ` · ` (the work inbox's rework task);
 * text of another shape (the description, when nobody commented) is returned as it is.
 */
export function committeeWords(summary: string, t: Translate, label: Label, name: (userId: string) => string): string {
  const heads = [...summary.matchAll(/(?:^| · )([A-Za-z0-9_.-]+) \((chair, )?(approve|request_changes|reject)\): /g)];
  if (heads[0]?.index !== 0) return summary;
  return heads
    .map((h, n) => {
      const comment = summary.slice((h.index ?? 0) + h[0].length, heads[n + 1]?.index ?? summary.length);
      const decision = label('decision', h[3]!);
      return h[2] ? t('committee.chairAsked', { decision, comment }) : t('committee.memberAsked', { who: name(h[1]!), decision, comment });
    })
    .join(' · ');
}
