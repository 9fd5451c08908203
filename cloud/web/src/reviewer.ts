/**
 * Who is reviewing. There is no login yet (roles are a later slice): the
 * analyst types a name once in the header and it is kept in localStorage.
 */
const KEY = 'parley.reviewer';

export function reviewerName(): string {
  return localStorage.getItem(KEY)?.trim() || 'analyst';
}

export function setReviewerName(name: string): void {
  localStorage.setItem(KEY, name.trim());
}
