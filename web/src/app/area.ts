/**
 * What an area of the app (web/src/pages/<area>/index.tsx) adds to the shell: its routes (children
 * of the shell, each page a lazily loaded chunk) and its navigation entries, shown only to the roles
 * named (all signed-in users when `roles` is absent, everyone when `public` is set).
 */
import type { RouteObject } from 'react-router';
import type { Role } from '../api/session';
import type { Messages } from '../i18n/ko';

export interface NavItem {
  path: string;
  label: (m: Messages) => string;
  /** Shown to users holding one of these roles; absent: every signed-in user. */
  roles?: readonly Role[];
  /** Shown without a session too (the read-only public pages). */
  public?: boolean;
}

export interface Area {
  routes: RouteObject[];
  nav: NavItem[];
}
