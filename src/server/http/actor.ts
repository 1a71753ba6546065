import type { FastifyRequest } from 'fastify';
import { roleRank, type Role } from '../../shared/contracts/common.ts';
import { AppError } from './errors.ts';

/** Who is asking: every service call receives one, and every query filters by its institution. */
export interface Actor {
  userId: string;
  institutionId: string;
  role: Role;
  requestId: string;
}

export function hasRole(actor: Actor, min: Role): boolean {
  return roleRank[actor.role] >= roleRank[min];
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
