import { defineConfig } from 'vitest/config';

// Only the TypeScript tests: "build" compiles them into target/js as well.
export default defineConfig({ test: { include: ['test/**/*.test.ts'] } });
