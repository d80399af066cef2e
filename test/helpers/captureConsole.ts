/** Records every console call (all levels) as text, silencing none of them unless `silence` is set. */
export function captureConsole(silence = true): { text(): string; calls: Array<{ level: string; args: unknown[] }> } {
  const calls: Array<{ level: string; args: unknown[] }> = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level].bind(console);
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      calls.push({ level, args });
      if (!silence) original(...args);
    });
  }
  const show = (value: unknown): string => {
    if (value instanceof Error) return `${value.name}: ${value.message} ${value.stack ?? ''}`;
    if (typeof value === 'string') return value;
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  };
  return { calls, text: () => calls.map((c) => `${c.level}: ${c.args.map(show).join(' ')}`).join('\n') };
}
