/**
 * What an area of the app (web/src/pages/<area>/index.tsx) adds to the shell: its routes (children
 * of the shell, each page a lazily loaded chunk) and its navigation entries, shown only to sessions
 * that hold one of the abilities named (the server's policy decides them; all signed-in users when
 * `abilities` is absent, everyone when `public` is set).
 */
import type { RouteObject } from 'react-router';
import type { Messages } from '../i18n/ko';

export interface NavItem {
  path: string;
  label: (m: Messages) => string;
  /** Shown to sessions with one of these abilities (domain/policy actions); absent: every signed-in user. */
  abilities?: readonly string[];
  /** Shown without a session too (the read-only public pages). */
  public?: boolean;
}

export interface Area {
  routes: RouteObject[];
  nav: NavItem[];
}
