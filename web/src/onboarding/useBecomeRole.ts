import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/clients';
import { call } from '../api/call';
import { refreshUntilRole } from '../auth/roleRefresh';
import { homeOf, useSessionRenewal, type Role } from '../auth/useSession';

type Phase = 'idle' | 'sending' | 'settingUp' | 'slow';

/**
 * Runs a call that gives the caller a new role, then waits until the session's token carries it (the role reaches
 * identity by an event), and opens the new role's home without signing in again.
 */
export function useBecomeRole() {
  const navigate = useNavigate();
  const renew = useSessionRenewal();
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<unknown>(null);

  const run = async (role: Role, action: () => Promise<unknown>) => {
    setError(null);
    setPhase('sending');
    try {
      await action();
    } catch (e) {
      setError(e);
      setPhase('idle');
      return;
    }
    setPhase('settingUp');
    const slow = setTimeout(() => setPhase('slow'), 8000);
    const ready = await refreshUntilRole(role, { attempts: 40, delayMs: 500 });
    clearTimeout(slow);
    if (!ready) {
      setPhase('slow');
      return;
    }
    const me = await call(api.identity.GET('/identity/v1/me'));
    renew(me);
    navigate(homeOf(me), { replace: true });
  };

  return { run, phase, error, busy: phase !== 'idle' };
}
