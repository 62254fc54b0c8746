import type { AppDeps } from './deps.ts';

/** The app's clock: injected in tests, the system clock otherwise. */
export const clock = (deps: Pick<AppDeps, 'now'>) => deps.now ?? (() => new Date());
