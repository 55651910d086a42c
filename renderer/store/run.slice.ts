import { create } from 'zustand';
import type { ChannelOutput } from '../../host/contract';
import { emptyRunState } from '../runs/run-state';
import type { RunState } from '../runs/run-state';

export type Samples = ChannelOutput<'runs.samples'>;

export interface RunSliceState extends RunState {
  /** 'live' follows runs of the open flow; 'history' shows a finished run loaded from the ledger. */
  source: 'live' | 'history';
  samples: Samples | null;
  samplesRunId: string | null;
}

export const useRun = create<RunSliceState>()(() => ({ ...emptyRunState, source: 'live', samples: null, samplesRunId: null }));
