// Only same-origin paths are followed: `?next=//evil.example` or an absolute URL would turn the
// login page into an open redirect for phishing.
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return null;
  }
  return next.startsWith('/login') ? null : next;
}
