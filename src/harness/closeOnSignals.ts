const SIGNALS = { SIGINT: 2, SIGTERM: 15 } as const;

/**
 * Until the returned function is called: on SIGINT or SIGTERM, closes `implementation` (killing its process
 * group; for a worker pool, every worker's), says so on stderr and exits with 128 + the signal number.
 */
export function closeOnSignals(implementation: { close?: () => Promise<void> | void }, say: (line: string) => void): () => void {
  const handlers = Object.entries(SIGNALS).map(([signal, number]) => {
    const handler = (): void => {
      say(`nncheck run: interrupted by ${signal}; closing the implementation`);
      const exit = (): never => process.exit(128 + number);
      void Promise.resolve(implementation.close?.()).then(exit, exit);
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
