/** Moves focus to an element rendered by the next commit (a row just added or moved). */
export function focusSoon(id: string, fallback?: string): void {
  window.setTimeout(() => (document.getElementById(id) ?? (fallback ? document.getElementById(fallback) : null))?.focus(), 0);
}
