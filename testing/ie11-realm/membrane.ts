/**
 * The boundary between the fake hosts (modern TypeScript, this Node realm) and the add-in's scripts (an IE11
 * realm, ie11-realm.ts). What crosses it is converted, so that neither side reaches the other's built-ins:
 * - arrays are copied into the other realm's arrays: the add-in calling `values.includes(…)` on what the fake
 *   returned must find the IE11 realm's Array.prototype (where `includes` is missing), as it would on Trident;
 * - errors become the other realm's Error with the same name, message and code (`error instanceof Error` and
 *   `error.code` behave as with a real host's errors);
 * - functions and other objects (client objects, promises, settings) are wrapped in a Proxy whose every read,
 *   call and write converts in turn; a wrapped object stays the same wrapper, so identity checks hold.
 * Node's Proxy and WeakMap are used here, on this side only: the add-in's realm never sees them.
 */

type AnyFunction = (...args: unknown[]) => unknown;

/** The other realm's constructors a copy needs: made by that realm, so its prototypes are that realm's. */
export interface RealmFactory {
  readonly newArray: () => unknown[];
  readonly newObject: () => Record<string, unknown>;
  readonly newError: (name: string, message: string) => Error;
  /** Is `value` an array or plain object of that realm? */
  readonly isArray: (value: unknown) => boolean;
  readonly isPlainObject: (value: unknown) => boolean;
  readonly isError: (value: unknown) => boolean;
}

export interface Membrane {
  /** A value of this realm as the add-in's realm sees it. */
  readonly inward: (value: unknown) => unknown;
  /** A value of the add-in's realm as this realm sees it. */
  readonly outward: (value: unknown) => unknown;
}

function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== "object" && typeof value !== "function");
}

const OUTER: RealmFactory = {
  newArray: () => [],
  newObject: () => ({}),
  newError: (name, message) => Object.assign(new Error(message), { name }),
  isArray: (value) => value instanceof Array,
  isPlainObject: (value) => {
    if (typeof value !== "object" || value === null) return false;
    const proto = Object.getPrototypeOf(value) as unknown;
    return proto === Object.prototype || proto === null;
  },
  isError: (value) => value instanceof Error,
};

/** Error fields a host's error carries: RichApi's code and debugInfo, an AsyncResult's code. */
const ERROR_FIELDS = ["code", "debugInfo", "traceMessages", "innerError"];

/**
 * Called around every call from this realm into the add-in's (a timer firing, a promise settling, the fake host
 * calling back): a task of the page, as a browser's event loop would run it. Nested calls are inside the task.
 */
export interface TaskClock {
  readonly enter: () => void;
  readonly leave: () => void;
}

export function createMembrane(inner: RealmFactory, clock?: TaskClock): Membrane {
  // Per direction: the wrapper made for an object, and the object behind a wrapper.
  const wrappedIn = new WeakMap<object, object>();
  const wrappedOut = new WeakMap<object, object>();
  const behindIn = new WeakMap<object, object>();
  const behindOut = new WeakMap<object, object>();

  function convert(
    value: unknown,
    to: RealmFactory,
    from: RealmFactory,
    wrapped: WeakMap<object, object>,
    back: (v: unknown) => unknown,
  ): unknown {
    if (isPrimitive(value)) return value;
    const object = value as object;
    // A wrapper going home is the object it wraps.
    const original = (to === inner ? behindOut : behindIn).get(object);
    if (original) return original;
    // Arrays, and frozen plain objects (a Proxy could not report their properties converted), are copied.
    if (from.isArray(object) || (from.isPlainObject(object) && Object.isFrozen(object))) {
      if (!from.isArray(object)) {
        const copy = to.newObject();
        for (const key of Object.keys(object)) copy[key] = self((object as Record<string, unknown>)[key]);
        return copy;
      }
      const copy = to.newArray();
      const source = object as unknown[];
      for (let i = 0; i < source.length; i++) copy.push(self(source[i]));
      return copy;
    }
    if (from.isError(object)) {
      const error = object as Error & Record<string, unknown>;
      const copy = to.newError(String(error.name), String(error.message)) as Error & Record<string, unknown>;
      for (const field of ERROR_FIELDS) if (field in error) copy[field] = self(error[field]);
      copy.stack = String(error.stack);
      return copy;
    }
    const known = wrapped.get(object);
    if (known) return known;
    const handler: ProxyHandler<object> = {
      get: (target, key) => {
        if (typeof key === "symbol") return undefined;
        const own = Reflect.getOwnPropertyDescriptor(target, key);
        // A Proxy must give a fixed property (a class's prototype) as it is.
        if (own && !own.configurable && own.writable === false) return own.value;
        return self(Reflect.get(target, key));
      },
      set: (target, key, v) => Reflect.set(target, key, back(v)),
      apply: (target, thisArg, args) => {
        const intoPage = to === OUTER && clock;
        if (intoPage) clock.enter();
        try {
          return guard(() => self(Reflect.apply(target as AnyFunction, back(thisArg), args.map(back))));
        } finally {
          if (intoPage) clock.leave();
        }
      },
      construct: (target, args) =>
        guard(
          () => self(Reflect.construct(target as new (...a: unknown[]) => object, args.map(back))) as object,
        ),
      getOwnPropertyDescriptor: (target, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
        // A proxy must report non-configurable properties as they are; the others are reported converted.
        if (!descriptor || !descriptor.configurable || !("value" in descriptor)) return descriptor;
        return { ...descriptor, value: self(descriptor.value) };
      },
    };
    const proxy = new Proxy(object, handler);
    wrapped.set(object, proxy);
    (to === inner ? behindIn : behindOut).set(proxy, object);
    return proxy;

    function self(v: unknown): unknown {
      return convert(v, to, from, wrapped, back);
    }
    /** An exception thrown on the far side arrives as this side's error. */
    function guard<T>(work: () => T): T {
      try {
        return work();
      } catch (error) {
        throw self(error);
      }
    }
  }

  const inward = (value: unknown): unknown => convert(value, inner, OUTER, wrappedIn, outward);
  const outward = (value: unknown): unknown => convert(value, OUTER, inner, wrappedOut, inward);
  return { inward, outward };
}
