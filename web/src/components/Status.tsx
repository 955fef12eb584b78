// Loading and error lines, announced to screen readers.
import type { JSX } from 'preact';

export function Status({ loading, error }: { loading?: boolean; error?: string | null }): JSX.Element | null {
  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (loading)
    return (
      <p class="muted" role="status">
        Loading…
      </p>
    );
  return null;
}
