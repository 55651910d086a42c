export * from './clock';
export * from './retry';
export * from './pacer';
export * from './transient';
export * from './redact';
export * from './http-client';
export * from './api-error';
