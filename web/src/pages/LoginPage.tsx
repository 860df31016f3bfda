/**
 * 로그인: posts { username, password } to /api/v1/auth/login, then returns to where the user was
 * (`?next=`). An account with a temporary password (set by an administrator) must choose its own
 * first (POST /auth/password). While the server has no auth routes the page says so and offers
 * read-only browsing.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  Alert,
  Anchor,
  Button,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { ApiError } from '../api/client';
import { useChangePassword, useLogin, useSession } from '../api/session';
import { useI18n, type Lang } from '../i18n';
import { DemoLogins } from './DemoLogins';

function ChangePasswordForm({ current, onDone }: { current: string; onDone: () => void }) {
  const { m } = useI18n();
  const change = useChangePassword();
  const [next1, setNext1] = useState('');
  const [next2, setNext2] = useState('');
  const [touched, setTouched] = useState(false);
  const mismatch = touched && next1 !== next2 ? m.login.mismatch : null;
  const error = change.error instanceof ApiError ? change.error : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!next1 || next1 !== next2) return;
    change.mutate({ currentPassword: current, newPassword: next1 }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Alert color="blue" variant="light" role="status">
          {m.login.mustChange}
        </Alert>
        {error ? (
          <Alert color="red" variant="light" role="alert">
            {error.message}
            {error.details.length ? (
              <ul className="mt0">
                {error.details.map((d, i) => (
                  <li key={i}>{d.message}</li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
        <PasswordInput
          label={m.login.newPassword}
          autoComplete="new-password"
          value={next1}
          onChange={(e) => setNext1(e.currentTarget.value)}
          required
          autoFocus
        />
        <PasswordInput
          label={m.login.newPasswordAgain}
          autoComplete="new-password"
          value={next2}
          onChange={(e) => setNext2(e.currentTarget.value)}
          error={mismatch}
          required
        />
        <Button type="submit" loading={change.isPending} fullWidth>
          {m.login.changeSubmit}
        </Button>
      </Stack>
    </form>
  );
}

function safeNext(next: string | null): string {
  // Only same-site paths: never an absolute URL or a protocol-relative one.
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const { m, format, lang, setLang } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [mustChange, setMustChange] = useState(false);
  const next = safeNext(params.get('next'));

  useEffect(() => {
    document.title = `${m.login.title} · ${m.app.name}`;
  }, [m]);

  const unavailable =
    session.data?.authAvailable === false || (login.error instanceof ApiError && login.error.status === 404);
  const userError = touched && !username.trim() ? format(m.login.required, { field: m.login.username }) : null;
  const passError = touched && !password ? format(m.login.required, { field: m.login.password }) : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!username.trim() || !password) return;
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (body) => {
          if (body.user?.mustChangePassword) setMustChange(true);
          else void navigate(next, { replace: true });
        },
      },
    );
  };

  let failure: string | null = null;
  if (login.error instanceof ApiError && login.error.status !== 404) {
    // The server's message is specific (lockout with its wait time, 429); a plain 401 gets ours.
    failure = login.error.status === 401 ? m.login.failed : login.error.message;
  } else if (login.error && !(login.error instanceof ApiError)) failure = login.error.message;

  return (
    <main className="login-main" id="main-content">
      <Paper withBorder shadow="sm" p="xl" radius="md" className="login-card">
        <Stack gap="md">
          <div className="login-brand">
            <span className="brand-mark" aria-hidden="true">
              BSC
            </span>
            <Text fw={700}>{m.app.fullName}</Text>
          </div>
          <Title order={1} size="h2">
            {m.login.title}
          </Title>
          <Text size="sm" c="dimmed">
            {m.login.intro}
          </Text>
          {unavailable ? (
            <Alert color="blue" variant="light" role="status">
              {m.login.unavailable}
            </Alert>
          ) : null}
          {failure ? (
            <Alert color="red" variant="light" role="alert">
              {failure}
            </Alert>
          ) : null}
          {mustChange ? (
            <ChangePasswordForm current={password} onDone={() => void navigate(next, { replace: true })} />
          ) : (
            <form onSubmit={onSubmit} noValidate>
              <Stack gap="sm">
                <TextInput
                  label={m.login.username}
                  name="username"
                  autoComplete="username"
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  error={userError}
                  required
                  autoFocus
                />
                <PasswordInput
                  label={m.login.password}
                  name="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={passError}
                  required
                />
                <Button type="submit" loading={login.isPending} fullWidth>
                  {login.isPending ? m.login.submitting : m.login.submit}
                </Button>
              </Stack>
            </form>
          )}
          {!mustChange && !unavailable ? (
            <DemoLogins
              onPick={(u, p) => {
                setUsername(u);
                if (p) setPassword(p);
                login.reset();
              }}
            />
          ) : null}
          {unavailable ? (
            <Anchor href={next} onClick={(e) => (e.preventDefault(), void navigate(next))}>
              {m.login.continueReadOnly}
            </Anchor>
          ) : null}
          <SegmentedControl
            size="xs"
            aria-label={m.header.languageSelectLabel}
            value={lang}
            onChange={(v) => setLang(v as Lang)}
            data={[
              { value: 'ko', label: <span lang="ko">{m.language.ko}</span> },
              { value: 'en', label: <span lang="en">{m.language.en}</span> },
            ]}
          />
        </Stack>
      </Paper>
    </main>
  );
}
