import { Navigate } from 'react-router';
import { RequireAuth } from '../auth/RequireAuth';
import { homeOf, useSession } from '../auth/useSession';

/** `/app/` opens the signed-in person's home, or sign-in. */
export function HomeRedirect() {
  const { me } = useSession();
  return <RequireAuth>{me ? <Navigate to={homeOf(me)} replace /> : null}</RequireAuth>;
}
