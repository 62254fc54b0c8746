// localStorage that never throws (private mode, quota): a failed save must not break typing.

export function readJson<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** Returns false when the browser refused to store (the UI then says the draft isn't saved). */
export function writeJson(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function remove(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing to do
  }
}

/** Keys under which a person's own data is kept on this device (drafts); cleared at sign-out. */
export const PERSONAL_PREFIXES = ['nts.draft.'];

export function clearPersonalData(): void {
  try {
    for (const key of Object.keys(localStorage)) {
      if (PERSONAL_PREFIXES.some((p) => key.startsWith(p))) localStorage.removeItem(key);
    }
  } catch {
    // nothing to do
  }
}
