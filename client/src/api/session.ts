// Sign-in, sign-out and "who am I".
import { ApiError, request, setCsrfToken } from './client.js';
import type { Role } from '../../../server/users/permissions.js';

export type { Role };
export type SessionUser = { id: number; email: string; name: string; role: Role; siteIds: number[] | null };
type SessionBody = { user: SessionUser; csrfToken: string };

/** The signed-in user, or null when there is no session. */
export async function loadSession(): Promise<SessionUser | null> {
  try {
    const { data } = await request<SessionBody>('/api/session', { quiet401: true });
    setCsrfToken(data.csrfToken);
    return data.user;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export async function signIn(email: string, password: string): Promise<SessionUser> {
  const { data } = await request<SessionBody>('/api/session', { method: 'POST', body: { email, password }, quiet401: true });
  setCsrfToken(data.csrfToken);
  return data.user;
}

export async function signOut(): Promise<void> {
  await request('/api/session', { method: 'DELETE', quiet401: true });
  setCsrfToken('');
}
