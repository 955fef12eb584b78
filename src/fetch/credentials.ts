// Credentials written into URLs (https://user:secret@host/feed.xml) are needed to fetch, so the
// store keeps them, but nothing shown to a reader may carry them: lists, API answers, error
// messages. These helpers take them out.

/** The URL without `user:password@`; other URLs (and unparseable strings) come back unchanged. */
export function urlWithoutCredentials(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return textWithoutCredentials(raw);
  }
  if (u.username === '' && u.password === '' && !raw.includes('@')) return raw;
  if (u.username === '' && u.password === '') {
    // An '@' the parser did not read as credentials ('https://host/a@b', 'https://@host/'):
    // keep the string as given unless it still spells an empty userinfo before the host.
    return /^[a-z][a-z0-9+.-]*:[/\\]*@/i.test(raw) ? u.href : raw;
  }
  u.username = '';
  u.password = '';
  return u.href;
}

/** Free text (an error message) with `scheme://user:password@` shortened to `scheme://`. */
export function textWithoutCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:[/\\]{2})[^\s/\\?#]*@/gi, '$1');
}
