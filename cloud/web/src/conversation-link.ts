/** Link to a conversation with one transcript line highlighted and the player at it (`?line=` is the segment index). */
export function lineLink(conversationId: string, segment: number | null): string {
  return `/conversations/${encodeURIComponent(conversationId)}${segment !== null ? `?line=${segment}` : ''}`;
}
