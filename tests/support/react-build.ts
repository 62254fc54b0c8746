/**
 * Tells React's development build from its production build in bundled JavaScript. The development
 * build carries its DevTools invitation and its stack-frame marker; the production build of
 * react-dom replaces error messages by "Minified React error #…" links.
 */
const DEVELOPMENT = ['Download the React DevTools', 'react_stack_bottom_frame', 'react-stack-bottom-frame'];
const PRODUCTION = 'Minified React error #';

export interface ReactBuilds {
  /** Files (by name) holding any of the development build's markers. */
  development: string[];
  /** Files holding the production build of react-dom. */
  production: string[];
}

export function reactBuilds(files: Record<string, string>): ReactBuilds {
  const names = Object.keys(files);
  return {
    development: names.filter((n) => DEVELOPMENT.some((m) => files[n]!.includes(m))),
    production: names.filter((n) => files[n]!.includes(PRODUCTION)),
  };
}
