// App-wide state as narrow contexts: who is signed in, and the UI language.
import { createContext } from '@lit/context';
import type { SessionUser } from './api/session.js';
import type { Locale } from './i18n/locale.js';

export const userContext = createContext<SessionUser | null>(Symbol('kk-user'));
export const localeContext = createContext<Locale>(Symbol('kk-locale'));
