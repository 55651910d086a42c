import { getKoppel } from '../api/koppel-api';
import { reportError } from '../app/errors';
import { i18n } from '../i18n/i18n';
import { toast } from '../store/ui.slice';

/** Replays some records of a run (default: its failed, unparked ones) with the flow as it is now. */
export async function replayRecords(runId: string, keys?: string[]): Promise<string | null> {
  const t = i18n.t.bind(i18n);
  try {
    const out = await getKoppel().invoke('records.replay', { runId, ...(keys ? { keys } : {}), dryRun: false });
    toast('success', t('ops.replayStarted', { count: out.keys.length }));
    if (out.skippedParked.length > 0) toast('info', t('ops.replaySkippedParked', { keys: out.skippedParked.join(', ') }));
    return out.runId;
  } catch (e) {
    reportError(t('ops.errors.replay'), e);
    return null;
  }
}

export async function parkRecord(flowId: string, key: string, park: boolean): Promise<boolean> {
  const t = i18n.t.bind(i18n);
  try {
    if (park) await getKoppel().invoke('records.park', { flowId, key });
    else await getKoppel().invoke('records.unpark', { flowId, key });
    toast('info', park ? t('ops.parked', { key }) : t('ops.unparked', { key }));
    return true;
  } catch (e) {
    reportError(t('ops.errors.park'), e);
    return false;
  }
}
