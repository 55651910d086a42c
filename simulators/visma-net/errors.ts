// The three documented error shapes (reference/visma-net/README.md §7) plus the API-gateway shape used for 401/403/429.
import { randomUUID } from 'node:crypto';
import type { SimResponse } from './types';
import { V3_ERROR_CODES, type V3ErrorCode } from './v3-error-codes';

/** Business/validation error of the ERP layer: `{"message":"VismaId: <guid>. ..."}`. */
export function messageError(status: number, text: string): SimResponse {
  return { status, json: { message: `VismaId: ${randomUUID()}. ${text}` } };
}

export function notFound(text: string): SimResponse {
  return messageError(404, text);
}

/** IPP (gateway/licence-level) exception. */
export function ippError(status: number, faultCode: string, message: string): SimResponse {
  return {
    status,
    json: {
      ExceptionType: 'IPPException',
      ExceptionMessage: message,
      ExceptionFaultCode: faultCode,
      ExceptionMessageID: `${faultCode}_${randomUUID()}`,
      ExceptionDetails: '',
    },
  };
}

/** API Management style body for 401/403/429 [I: the gateway's exact JSON is not documented]. */
export function gatewayError(status: number, message: string, headers?: Record<string, string>): SimResponse {
  return { status, json: { statusCode: status, message }, ...(headers ? { headers } : {}) };
}

export interface V3Detail {
  code: V3ErrorCode;
  message: string;
  parameters: Record<string, unknown>;
}

/** One `details[]` entry; `{0}` placeholders in the catalogue text are filled from `args`. */
export function v3Detail(code: V3ErrorCode, property?: string, args: string[] = [], message?: string): V3Detail {
  const text = message ?? V3_ERROR_CODES[code].replace(/\{(\d+)\}/g, (_m, i: string) => args[Number(i)] ?? '');
  return { code, message: text, parameters: property === undefined ? {} : { property } };
}

const TYPE_BY_STATUS: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
  404: 'https://tools.ietf.org/html/rfc7231#section-6.5.4',
  405: 'https://tools.ietf.org/html/rfc7231#section-6.5.5',
  409: 'https://tools.ietf.org/html/rfc7231#section-6.5.8',
  412: 'https://tools.ietf.org/html/rfc7232#section-4.2',
  415: 'https://tools.ietf.org/html/rfc7231#section-6.5.13',
  428: 'https://tools.ietf.org/html/rfc6585#section-3',
};

/** RFC 7807 ProblemDetails of the V3 service. */
export function problem(status: number, title: string, opts: { detail?: string; instance?: string; details?: V3Detail[] } = {}): SimResponse {
  const body: Record<string, unknown> = {
    type: TYPE_BY_STATUS[status] ?? 'about:blank',
    title,
    status,
    detail: opts.detail ?? null,
    instance: opts.instance ?? null,
  };
  if (opts.details) {
    const errors: Record<string, string[]> = {};
    for (const d of opts.details) {
      const key = typeof d.parameters.property === 'string' ? d.parameters.property : '$';
      (errors[key] ??= []).push(d.message);
    }
    body.errors = errors;
    body.details = opts.details;
  }
  return { status, json: body, contentType: 'application/problem+json; charset=utf-8' };
}

export function validationProblem(details: V3Detail[], instance: string): SimResponse {
  return problem(400, 'One or more validation errors occurred.', { instance, details });
}

/** The ERP's record-validation message, e.g. "Error inserting the customer. Error: Inserting 'Customer' record raised ..." [C S11]. */
export function recordErrors(action: 'Inserting' | 'Updating' | 'Deleting', entity: string, errors: string[]): SimResponse {
  const verb = action === 'Inserting' ? 'inserting' : action === 'Updating' ? 'updating' : 'deleting';
  const list = errors.map((e) => `Error: ${e}\r\n`).join('');
  return messageError(400, `Error ${verb} the ${entity.toLowerCase()}. Error: ${action} '${entity}' record raised at least one error. Please review the errors.\r\n${list}`);
}
