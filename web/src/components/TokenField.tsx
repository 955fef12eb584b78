// The API token field of the pages that write (ingest, alert triage, review): entered once,
// kept in this tab (token.ts).
import type { JSX } from 'preact';

export function TokenField({ token, onToken }: { token: string; onToken: (t: string) => void }): JSX.Element {
  return (
    <label class="token">
      API token
      <input
        name="token"
        type="password"
        autoComplete="off"
        value={token}
        onInput={(e) => onToken(e.currentTarget.value)}
      />
    </label>
  );
}
