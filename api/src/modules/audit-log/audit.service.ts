import type { GraphqlContext } from '../../graphql/context.js';
import { AuditLog } from './audit-log.entity.js';

/** Property names whose values never reach the audit log. */
const SECRET_NAMES =
  /^(keys|key|password|passwordhash|keyhash|tokenhash|codehash|secret|token|apikey|authorization)$/i;

/** Deep copy with secrets replaced by "***" and bigints turned into strings (JSON-safe). */
export function maskForAudit(value: unknown, depth = 0): unknown {
  if (depth > 6) return '…';
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => maskForAudit(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_NAMES.test(k) ? '***' : maskForAudit(v, depth + 1);
    }
    return out;
  }
  return value;
}

export class AuditService {
  /** Writes one audit row for a mutation done by the signed-in user (flushes the request's EM). */
  async record(
    ctx: Pick<GraphqlContext, 'em' | 'user' | 'ip'>,
    action: string,
    targetType: string,
    targetId: string | number | null,
    before: object | null,
    after: object | null,
  ): Promise<void> {
    ctx.em.create(AuditLog, {
      actorId: ctx.user?.id ?? null,
      actorName: ctx.user?.username ?? 'system',
      action,
      targetType,
      targetId: targetId == null ? null : String(targetId),
      before: before ? (maskForAudit(before) as Record<string, unknown>) : null,
      after: after ? (maskForAudit(after) as Record<string, unknown>) : null,
      ip: ctx.ip,
    });
    await ctx.em.flush();
  }
}
