/** The scoring engine: pure, no Office, DOM, file or React imports. */
export * from './errors';
export * from './values';
export * from './score';
export * from './explain';
export * from './format';
export * from './units';
