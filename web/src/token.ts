// The analyst's API token (from `dmon tokens create --name NAME --scope review`): entered once in any page that
// writes (ingest, alert triage, review) and kept in this tab's sessionStorage, so it is gone when
// the tab closes and is never written into a URL.
import { useState } from 'preact/hooks';

const TOKEN_KEY = 'dmon-token';

export function storedToken(): string {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveToken(token: string): void {
  try {
    if (token) window.sessionStorage.setItem(TOKEN_KEY, token);
    else window.sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage refused (private mode with a full quota): the token stays in the page only.
  }
}

/** The token as component state, saved on every change. */
export function useToken(): [string, (t: string) => void] {
  const [token, setToken] = useState(storedToken);
  return [
    token,
    (t: string) => {
      setToken(t);
      saveToken(t.trim());
    },
  ];
}
