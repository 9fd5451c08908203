/**
 * Who is reviewing. Behind the main job's login it is the signed-in user (and
 * the server records the review under that user whatever the body says); on
 * the standalone pipeline app, which has no login, the analyst types a name
 * once in the header and it is kept in localStorage.
 */
const KEY = 'parley.reviewer';

export function reviewerName(): string {
  return localStorage.getItem(KEY)?.trim() || 'analyst';
}

export function setReviewerName(name: string): void {
  localStorage.setItem(KEY, name.trim());
}
