/** See recordSelf.mjs. */
export function recordSelf(what: string, pid?: number, group?: boolean): void;
