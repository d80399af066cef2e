import type { Config } from '@react-router/dev/config';

// Server rendering on: the loader creates the session while the page renders.
export default { ssr: true } satisfies Config;
