import type { RunEvent } from '../../engine/run/events';
import type { OpsLogEntry } from '../../host/types';
import { formatDuration } from '../../host/services/time-format';

/**
 * One line per run start and finish, and one per scheduler event (missed, skipped, paused, retention, notification
 * trouble): plain text for a log file or journald, or JSON lines with `--json`.
 */
export function createDaemonLog(write: (line: string) => void, json: boolean) {
  const flows = new Map<string, { flowId: string; flowName: string }>();
  const out = (record: Record<string, unknown>, text: string): void => write(json ? JSON.stringify(record) : text);

  return {
    onRunEvent(event: RunEvent): void {
      if (event.type === 'run.started') {
        flows.set(event.runId, { flowId: event.flowId, flowName: event.flowName });
        const dry = event.dryRun ? ' (dry run)' : '';
        out(
          { at: event.at, type: 'run.started', runId: event.runId, flowId: event.flowId, flowName: event.flowName, dryRun: event.dryRun },
          `${event.at} run started   ${event.flowId} '${event.flowName}'${dry} run ${event.runId}`,
        );
        return;
      }
      if (event.type !== 'run.finished') return;
      const flow = flows.get(event.runId);
      flows.delete(event.runId);
      const c = event.counts;
      const why = event.error ? ` — ${event.error}` : '';
      out(
        {
          at: event.at,
          type: 'run.finished',
          runId: event.runId,
          ...(flow ? { flowId: flow.flowId, flowName: flow.flowName } : {}),
          status: event.status,
          durationMs: event.durationMs,
          counts: c,
          ...(event.error ? { error: event.error } : {}),
        },
        `${event.at} run finished  ${flow ? `${flow.flowId} '${flow.flowName}' ` : ''}${event.status} in ${formatDuration(event.durationMs)}: ${c.created} created, ${c.updated} updated, ${c.skipped} skipped, ${c.failed} failed${why} run ${event.runId}`,
      );
    },

    onOpsLog(entry: OpsLogEntry): void {
      out({ type: 'ops', ...entry }, `${entry.at} ${entry.kind.padEnd(13)} ${entry.flowId ? `${entry.flowId}: ` : ''}${entry.message}`);
    },

    info(at: string, message: string): void {
      out({ at, type: 'daemon', message }, `${at} daemon        ${message}`);
    },
  };
}
