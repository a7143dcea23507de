import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ProblemError } from '../api/problem';
import { onSessionEnded } from '../api/session';
import { meKey } from '../auth/useSession';
import { router } from './routes';
import { themeIn } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) is an answer, not a glitch: only failures of the server or the network are retried.
      retry: (count, error) => count < 2 && !(error instanceof ProblemError && error.status > 0 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  // A refresh that failed means the session is over: the signed-in pages send the person to sign-in.
  useEffect(() => onSessionEnded(() => queryClient.setQueryData(meKey, null)), []);
  const { t, i18n } = useTranslation();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the words change with the language
  const theme = useMemo(() => themeIn(t), [t, i18n.language]);
  return (
    <MantineProvider theme={theme}>
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
