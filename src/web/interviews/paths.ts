/** The saved interviews' pages, and the anchors of a plan's steps. */
export const SECTION = '/interviews';

export function interviewPath(id: string): string {
  return `${SECTION}/${encodeURIComponent(id)}`;
}

export function stepAnchor(index: number): string {
  return `step-${index + 1}`;
}
