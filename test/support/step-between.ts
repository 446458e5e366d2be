/**
 * A store that runs another request just before it delegates one of its
 * methods: how a test lands a report of loss (or a renewal) between a use
 * case's check of the card and the store step that acts on that check, the
 * window a real concurrent request can hit.
 */
export function withStepBefore<S extends object>(store: S, method: keyof S, meanwhile: () => Promise<unknown>): S {
  return new Proxy(store, {
    get(target, name) {
      const value: unknown = Reflect.get(target, name, target);
      if (typeof value !== 'function') return value;
      if (name !== method) return value.bind(target);
      return async (...args: unknown[]) => {
        await meanwhile();
        return value.apply(target, args);
      };
    },
  });
}
