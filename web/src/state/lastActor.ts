// The actor last opened, so the "Actor" link in the navigation has somewhere to go.
const KEY = 'parley.lastActor';
export const lastActor = {
  get(): string | undefined {
    try {
      return sessionStorage.getItem(KEY) ?? undefined;
    } catch {
      return undefined;
    }
  },
  set(id: string): void {
    try {
      sessionStorage.setItem(KEY, id);
    } catch {
      /* private mode: the link just stays disabled */
    }
  },
};
