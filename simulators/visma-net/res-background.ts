// The Background API (reference/visma-net/README.md §4.8): `erp-api-background` runs the call "later" (here: at once) and answers 202.
import { randomUUID } from 'node:crypto';
import { isoStamp } from './dates';
import { notFound } from './errors';
import type { Router } from './router';
import type { BackgroundJob } from './store';
import type { SimContext, SimRequest, SimResponse } from './types';

/** Stores the finished job and returns the 202 BackgroundApiAcceptedDto. */
export function acceptBackground(ctx: SimContext, req: SimRequest, header: string, result: SimResponse, receivedMs: number): SimResponse {
  const id = randomUUID();
  const now = isoStamp(ctx.now());
  const query = req.query.toString();
  const job: BackgroundJob = {
    id, status: result.status >= 400 ? 'Failed' : 'Finished', statusCode: result.status, receivedUtc: isoStamp(receivedMs), startedUtc: now, finishedUtc: now,
    originalUri: `${ctx.baseUrl}${req.path}${query ? `?${query}` : ''}`, webhookAddress: header.startsWith('subscription') || header === 'none' ? header : 'none',
    responseHeaders: result.headers ?? {}, content: result.json,
  };
  ctx.store.background.set(id, job);
  return { status: 202, json: { id, stateLocation: `${ctx.baseUrl}/v1/background/${id}` } };
}

export function registerBackground(r: Router): void {
  r.get('/v1/background/:requestId', (req, ctx) => {
    const job = ctx.store.background.get(req.params.requestId ?? '');
    if (!job) return notFound(`Background request ${req.params.requestId ?? ''} not found.`);
    return {
      status: 200,
      json: {
        id: job.id, status: job.status, statusCode: job.statusCode, receivedUtc: job.receivedUtc, startedUtc: job.startedUtc, finishedUtc: job.finishedUtc,
        webhookAddress: job.webhookAddress, errorMessage: job.status === 'Failed' ? `The call answered ${job.statusCode}; see /content.` : null, reference: null,
        originalUri: job.originalUri, hasResponseContent: job.content !== undefined, hasRequestContent: false,
        contentLocation: job.content !== undefined ? `${ctx.baseUrl}/v1/background/${job.id}/content` : null, responseHeaders: job.responseHeaders,
      },
    };
  });
  r.get('/v1/background/:requestId/content', (req, ctx) => {
    const job = ctx.store.background.get(req.params.requestId ?? '');
    if (!job) return notFound(`Background request ${req.params.requestId ?? ''} not found.`);
    return job.content === undefined ? { status: 204 } : { status: 200, json: job.content };
  });
}
