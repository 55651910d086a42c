import { z } from 'zod';
import type { VismaErrorDetail } from './errors';

/** What an error body said, whichever of the documented shapes it came in (reference/visma-net/README.md §7). */
export interface ParsedErrorBody {
  shape: 'ipp' | 'message' | 'problem' | 'oauth' | 'text' | 'empty';
  /** The most useful human text, cleaned of correlation ids and .NET noise. */
  reason?: string;
  vismaId?: string;
  code?: string;
  details?: VismaErrorDetail[];
}

const ippSchema = z.looseObject({
  ExceptionType: z.string().nullish(),
  ExceptionMessage: z.string().nullish(),
  ExceptionFaultCode: z.union([z.string(), z.number()]).nullish(),
  ExceptionMessageID: z.string().nullish(),
  ExceptionDetails: z.string().nullish(),
});

const problemSchema = z.looseObject({
  type: z.string().nullish(),
  title: z.string().nullish(),
  status: z.number().nullish(),
  detail: z.string().nullish(),
  instance: z.string().nullish(),
  errors: z.record(z.string(), z.union([z.array(z.string()), z.string()])).nullish(),
  details: z
    .array(
      z.looseObject({
        code: z.string().nullish(),
        message: z.string().nullish(),
        parameters: z.record(z.string(), z.unknown()).nullish(),
      }),
    )
    .nullish(),
});

const oauthSchema = z.looseObject({ error: z.string(), error_description: z.string().nullish() });

const guid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const maxText = 500;

/** Reads an error body (bytes as received) into a `ParsedErrorBody`. Never throws. */
export function parseErrorBody(raw: Buffer | string | undefined): ParsedErrorBody {
  const text = (typeof raw === 'string' ? raw : raw?.toString('utf8') ?? '').trim();
  if (!text) return { shape: 'empty' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { shape: 'text', reason: shorten(stripHtml(text)) };
  }
  if (typeof json === 'string') return { shape: 'text', reason: shorten(json) };
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { shape: 'text', reason: shorten(text) };

  const ipp = ippSchema.safeParse(json);
  if (ipp.success && (ipp.data.ExceptionMessage || ipp.data.ExceptionType)) {
    const id = ipp.data.ExceptionMessageID ?? undefined;
    return {
      shape: 'ipp',
      reason: shorten(ipp.data.ExceptionMessage ?? ipp.data.ExceptionType ?? ''),
      code: ipp.data.ExceptionFaultCode != null ? String(ipp.data.ExceptionFaultCode) : undefined,
      vismaId: id ? (id.match(guid)?.[0] ?? id) : undefined,
    };
  }

  const problem = problemSchema.safeParse(json);
  if (problem.success && (problem.data.title || problem.data.details || problem.data.errors || problem.data.detail)) {
    return readProblem(problem.data);
  }

  const oauth = oauthSchema.safeParse(json);
  if (oauth.success) {
    return { shape: 'oauth', code: oauth.data.error, reason: shorten(oauth.data.error_description ?? oauth.data.error) };
  }

  // `message` in the KB, `Message` from .NET and Go clients (both case-insensitive readers).
  const message = readMessage(json);
  if (message !== undefined) return readVismaMessage(message);
  return { shape: 'text', reason: shorten(text) };
}

function readMessage(json: object): string | undefined {
  for (const [key, value] of Object.entries(json)) {
    if (key.toLowerCase() === 'message' && typeof value === 'string') return value;
  }
  return undefined;
}

/** `"VismaId: <guid>. Error inserting the customer. Error: ... raised at least one error ...\r\nError: 'Customer ID' cannot be empty."` */
export function readVismaMessage(message: string): ParsedErrorBody {
  const idMatch = message.match(/VismaId:\s*([0-9a-f-]{36})\.?/i);
  const vismaId = idMatch?.[1];
  let rest = idMatch ? message.replace(idMatch[0], '') : message;
  // .NET exception chains: keep the outermost human sentence, drop type names and stack traces.
  rest = rest.replace(/\s+at\s+[\w.<>`]+\(.*$/s, '');
  rest = rest.replace(/[\w.]+Exception(?:Handling)?[\w.]*:\s*/g, '');
  rest = rest.replace(/\s*--->\s*/g, ' ');
  const parts = rest
    .split(/\r?\n|(?<=\.)\s+(?=Error:)/)
    .map((p) => p.trim())
    .filter(Boolean);
  const specific = parts
    .filter((p) => /^Error:/i.test(p))
    .map((p) => p.replace(/^Error:\s*/i, '').trim())
    .filter((p) => p && !/raised at least one error/i.test(p));
  const reason = specific.length > 0 ? specific.join(' ') : parts.join(' ');
  return { shape: 'message', reason: shorten(reason || message), vismaId };
}

function readProblem(p: z.infer<typeof problemSchema>): ParsedErrorBody {
  const details: VismaErrorDetail[] = [];
  for (const d of p.details ?? []) {
    const property = d.parameters?.['property'];
    details.push({
      code: d.code ?? undefined,
      message: d.message ?? d.code ?? 'invalid value',
      property: typeof property === 'string' ? property : undefined,
    });
  }
  if (details.length === 0 && p.errors) {
    for (const [field, messages] of Object.entries(p.errors)) {
      for (const m of Array.isArray(messages) ? messages : [messages]) details.push({ message: m, property: field });
    }
  }
  const fromDetails = details.map((d) => (d.property ? `${d.property}: ${d.message}` : d.message)).join('; ');
  const reason = fromDetails || p.detail || p.title || undefined;
  return {
    shape: 'problem',
    reason: reason ? shorten(reason) : undefined,
    code: details.find((d) => d.code)?.code,
    details: details.length > 0 ? details : undefined,
  };
}

function stripHtml(text: string): string {
  if (!/^<(!doctype|html|\?xml)/i.test(text)) return text;
  const title = text.match(/<title>([^<]*)<\/title>/i)?.[1];
  return (title ?? text.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
}

function shorten(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > maxText ? `${t.slice(0, maxText)}…` : t;
}
