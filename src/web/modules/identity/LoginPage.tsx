import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { loginBody, type LoginBody } from '../../../shared/contracts/identity.ts';
import { ApiError } from '../../lib/api.ts';
import { useLogin } from './api.ts';

export function LoginPage() {
  const login = useLogin();
  const navigate = useNavigate();
  const form = useForm<LoginBody>({ resolver: zodResolver(loginBody), defaultValues: { email: '', password: '' } });
  const submit = form.handleSubmit((values) =>
    login.mutate(values, { onSuccess: () => void navigate({ to: '/' }) }),
  );
  const failure = login.error instanceof ApiError ? login.error.message : login.error ? 'Could not reach Rapport' : null;

  return (
    <Center component="main" mih="100vh" p="md" id="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <Title order={1} size="h2">Sign in to Rapport</Title>
            <Text size="sm" c="dimmed">The library&apos;s partnerships with its departments, in one place.</Text>
            {failure && <Alert color="red" role="alert" title="Sign-in failed">{failure}</Alert>}
            <TextInput label="Email" type="email" autoComplete="username" required {...form.register('email')} error={form.formState.errors.email?.message} />
            <PasswordInput label="Password" autoComplete="current-password" required {...form.register('password')} error={form.formState.errors.password?.message} />
            <Button type="submit" loading={login.isPending}>Sign in</Button>
            <Text size="xs" c="dimmed">
              Demo: librarian@northmoor.example / rapport-demo-2026 · <Anchor href="/api/docs" size="xs" underline="always">API docs</Anchor>
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
