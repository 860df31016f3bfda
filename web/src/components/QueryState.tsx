/** Loading and error states of a query, in the user's language (the server's message is Korean). */
import { Alert, Button, Center, Loader } from '@mantine/core';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';

export function Loading() {
  const { m } = useI18n();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="md" aria-hidden="true" />
      <span className="visually-hidden">{m.app.loading}</span>
    </Center>
  );
}

export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { m } = useI18n();
  const message = error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" variant="light" title={m.app.errorTitle} role="alert">
      <p className="mt0">{message}</p>
      {onRetry ? (
        <Button variant="outline" color="red" size="xs" onClick={onRetry}>
          {m.app.retry}
        </Button>
      ) : null}
    </Alert>
  );
}

/** Renders loading/error for a query and the children once data is there. */
export function Query<T>({
  q,
  children,
}: {
  q: { data: T | undefined; error: unknown; isPending: boolean; isError: boolean; refetch: () => unknown };
  children: (data: T) => React.ReactNode;
}) {
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (q.isPending || q.data === undefined) return <Loading />;
  return <>{children(q.data)}</>;
}
