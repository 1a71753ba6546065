import type { FastifyRequest } from 'fastify';
import type { Role } from '../../shared/contracts/common.ts';
import { AppError } from './errors.ts';

/** Who is asking: every service call receives one, and every query filters by its institution. */
export interface Actor {
  userId: string;
  institutionId: string;
  role: Role;
  requestId: string;
}

const rank: Record<Role, number> = { viewer: 0, librarian: 1, manager: 2, admin: 3 };

export function hasRole(actor: Actor, min: Role): boolean {
  return rank[actor.role] >= rank[min];
}

export function assertRole(actor: Actor, min: Role): void {
  if (!hasRole(actor, min)) throw new AppError('FORBIDDEN', `This needs the ${min} role or higher`);
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    /** true: answers without a session (health, login, public pages) */
    public?: boolean;
  }
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return req.actor;
}
