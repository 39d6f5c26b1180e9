/**
 * A complaint's summary line in lists and the work inbox: the first line of the customer's
 * description, cut at a word or character boundary to `max` characters (counted as characters a
 * reader sees, so a Chinese text keeps whole characters), with an ellipsis when cut.
 *
 * Workflow-safe: pure.
 */
export function summaryLine(description: string, max = 80): string {
  const firstLine = description.trim().split(/\r?\n/, 1)[0]?.trim() ?? '';
  const chars = [...firstLine];
  if (chars.length <= max) return firstLine;
  const cut = chars.slice(0, max).join('');
  // Latin text: end at the last space when one is near the cut; otherwise keep the characters.
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
