import { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../bootstrap/database.js';
import { seed } from '../../bootstrap/seed.js';
import { ormOptions } from '../../mikro-orm.config.js';
import { startTestApi, type TestApi } from '../../test-support/harness.js';
import { verifyPassword } from '../auth/password.js';
import { User } from './user.entity.js';

describe('mustChangePassword', () => {
  let api: TestApi;
  let root: string;

  beforeAll(async () => {
    api = await startTestApi();
    root = await api.login();
  });
  afterAll(() => api?.close());

  it('a root created with a generated password must change it; a configured one need not', async () => {
    // A fresh database of its own: the run's shared one already has its root.
    const url = new URL(process.env.DATABASE_URL!);
    const name = `${url.pathname.slice(1)}_seed`;
    const conn = api.app.orm.em.getConnection();
    await conn.execute(`create database \`${name}\` character set utf8mb4`);
    url.pathname = `/${name}`;
    const orm = await MikroORM.init(ormOptions(url.toString()));
    try {
      await migrate(orm);
      const first = await seed(orm.em.fork(), undefined);
      const user = await orm.em.fork().findOneOrFail(User, { username: 'root' });
      expect(first.generatedRootPassword).toBeTruthy();
      expect(await verifyPassword(user.passwordHash, first.generatedRootPassword!)).toBe(true);
      expect(user.mustChangePassword).toBe(true);
    } finally {
      await orm.close(true);
      await conn.execute(`drop database \`${name}\``);
    }
    // This run's root got ROOT_PASSWORD from the environment.
    expect((await api.ok('{ me { mustChangePassword } }', {}, root)).me).toEqual({
      mustChangePassword: false,
    });
  });

  it('set by a staff reset, cleared when the user changes its own password', async () => {
    const { createUser } = await api.ok(
      'mutation{ createUser(input:{ username:"mcp-user", password:"password-123" }){ id mustChangePassword } }',
      {},
      root,
    );
    expect(createUser.mustChangePassword).toBe(false);
    await api.ok(
      'mutation($id:ID!){ updateUser(id:$id, input:{ password:"reset-by-staff" }){ id } }',
      { id: createUser.id },
      root,
    );
    const session = await api.login('mcp-user', 'reset-by-staff');
    expect((await api.ok('{ me { mustChangePassword } }', {}, session)).me.mustChangePassword).toBe(true);

    const wrong = await api.gql(
      'mutation{ changePassword(currentPassword:"nope-nope", newPassword:"my-own-password") }',
      {},
      session,
    );
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    expect((await api.ok('{ me { mustChangePassword } }', {}, session)).me.mustChangePassword).toBe(true);

    await api.ok(
      'mutation{ changePassword(currentPassword:"reset-by-staff", newPassword:"my-own-password") }',
      {},
      session,
    );
    expect((await api.ok('{ me { mustChangePassword } }', {}, session)).me.mustChangePassword).toBe(false);
    // A profile edit by staff (no password) leaves it alone.
    await api.ok(
      'mutation($id:ID!){ updateUser(id:$id, input:{ displayName:"M" }){ id } }',
      { id: createUser.id },
      root,
    );
    expect((await api.ok('{ me { mustChangePassword } }', {}, session)).me.mustChangePassword).toBe(false);
  });
});
