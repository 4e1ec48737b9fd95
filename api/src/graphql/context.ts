import type { EntityManager } from '@mikro-orm/core';
import type { Request, Response } from 'express';
import type { App } from '../app.js';
import type { User } from '../modules/user/user.entity.js';

export interface GraphqlContext {
  app: App;
  /** A fresh EntityManager per request. */
  em: EntityManager;
  /** The signed-in user, or null. */
  user: User | null;
  /** The access token used for this request (login session or personal token). */
  accessTokenId: number | null;
  /** True when the request authenticated with the session cookie (not a Bearer header). */
  viaCookie: boolean;
  ip: string | null;
  req: Request;
  res: Response;
}
