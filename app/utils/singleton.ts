// One value per process for a name, however many copies of the module asking are loaded: the
// server build and sources run by tsx (scripts, tests) can both be in one process, and each
// copy must find the same database client, bus, streams and timers. The only use of globalThis.

const holder = globalThis as unknown as { __incidentDeskSingletons?: Map<string, unknown> };
const all = (holder.__incidentDeskSingletons ??= new Map());

/** The process's one `name`, made by `create` the first time any copy asks. */
export function singleton<T>(name: string, create: () => T): T {
  if (!all.has(name)) all.set(name, create());
  return all.get(name) as T;
}
