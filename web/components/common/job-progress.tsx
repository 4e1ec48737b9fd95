'use client';
import { useSubscription } from '@urql/next';
import { useEffect, useRef } from 'react';
import { JobProgressSubscription } from '@/graphql/channels';
import type { JobProgressSubscription as JobProgressData } from '@/graphql/generated/graphql';
import { useT } from '@/lib/i18n/client';

export type JobState = JobProgressData['jobProgress'];

/** Follows a bulk job of the api (BullMQ) over graphql-ws and reports once when it ends. */
export function JobProgress({ jobId, onEnd }: { jobId: string; onEnd: (job: JobState) => void }) {
  const t = useT();
  const [result] = useSubscription({ query: JobProgressSubscription, variables: { jobId } });
  const job = result.data?.jobProgress;
  const ended = useRef(false);
  useEffect(() => {
    if (!job || ended.current) return;
    if (job.state === 'completed' || job.state === 'failed') {
      ended.current = true;
      onEnd(job);
    }
  }, [job, onEnd]);
  return (
    <div className="mb-3 grid gap-1" role="status" data-testid="job-progress">
      <p className="text-sm">
        {result.error
          ? `${result.error.message}`
          : t('jobs.progress', {
              state: job
                ? t(`jobs.states.${job.state in STATES ? job.state : 'other'}`)
                : t('jobs.states.waiting'),
              progress: Math.round(job?.progress ?? 0),
            })}
        {job?.message ? <span className="text-muted-fg"> · {job.message}</span> : null}
      </p>
      <progress className="h-2 w-full" max={100} value={job?.progress ?? 0} />
    </div>
  );
}

const STATES = { waiting: 1, active: 1, completed: 1, failed: 1, delayed: 1 };
