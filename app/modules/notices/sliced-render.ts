// Rendering that leaves the event loop to others. liquidjs renders a template synchronously,
// or asynchronously on microtasks only: either way a heavy template (a loop near the
// per-render limit) holds the process and no request is answered until it ends. Here every
// template node first checks a clock: past a short slice it waits for the next turn of the
// event loop (setImmediate), so requests are served between slices. The per-render limit
// counts only the CPU time spent rendering, not the time waited: a template costs what it
// costs, however busy the server or the machine is. See docs/decisions/0052-render-budget-and-webhook-page-age.md.
import { Context, type Liquid, type Template } from "liquidjs";

/** How long a render runs before it lets other work in. */
export const SLICE_MS = 8;

/** The process's CPU time in ms (every thread: the main one renders, the others are mostly idle meanwhile). */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Render time of one render: the CPU time of its finished slices plus the wall time of the one
 * running. Liquid calls `check` as its render limit. CPU time, not wall time: on a machine shared
 * with other processes a slice's wall time grows with their load, and a template accepted when it
 * was saved would fail when sent.
 */
export class RenderClock {
  private spent = 0;
  private sliceStart = performance.now();
  private sliceCpu = cpuMs();
  private stopped = false;
  constructor(readonly limitMs: number) {}

  /** The render starts now (a clock made before its render must not count the wait). */
  begin(): void {
    this.sliceStart = performance.now();
    this.sliceCpu = cpuMs();
    this.stopped = false;
  }

  /** Time spent rendering so far. */
  elapsed(now = performance.now()): number {
    return this.stopped ? this.spent : this.spent + Math.max(0, now - this.sliceStart);
  }

  /** The render is over: its time stops here. */
  stop(): number {
    if (!this.stopped) this.endSlice();
    this.stopped = true;
    return this.spent;
  }

  /** Liquid's render limit: called before every node. */
  check(now: number): void {
    if (this.elapsed(now) > this.limitMs) throw new Error("template render limit exceeded");
  }

  due(): boolean {
    return performance.now() - this.sliceStart > SLICE_MS;
  }

  /** Ends the slice; resolves on a later turn of the event loop, when the next slice starts. */
  pause(): Promise<void> {
    this.endSlice();
    return new Promise((resolve) =>
      setImmediate(() => {
        this.sliceStart = performance.now();
        this.sliceCpu = cpuMs();
        resolve();
      }),
    );
  }

  /** A slice counts its CPU time, and never more than its wall time. */
  private endSlice(): void {
    this.spent += Math.min(cpuMs() - this.sliceCpu, performance.now() - this.sliceStart);
  }
}

type Renderer = Liquid["renderer"];
type RenderTemplates = Renderer["renderTemplates"];
const sliced = new WeakSet<Liquid>();
const wrappers = new WeakMap<Template, Template>();

/** The node, first waiting for the next slice when its render's clock says the slice is over. */
function sliceable(node: Template): Template {
  let wrapper = wrappers.get(node);
  if (!wrapper) {
    wrapper = Object.create(node) as Template;
    wrapper.render = function* (ctx: Context, emitter: Parameters<Template["render"]>[1]): Generator<unknown, unknown, unknown> {
      const clock = ctx.renderLimit as unknown;
      if (clock instanceof RenderClock && clock.due()) yield clock.pause();
      return yield node.render(ctx, emitter);
    } as Template["render"];
    wrappers.set(node, wrapper);
  }
  return wrapper;
}

/** Lets renders of `engine` given a RenderClock yield between nodes; other renders are as before. */
export function allowSlicing(engine: Liquid): void {
  if (sliced.has(engine)) return;
  sliced.add(engine);
  const renderer = engine.renderer;
  const original: RenderTemplates = renderer.renderTemplates.bind(renderer);
  renderer.renderTemplates = function* (templates, ctx, emitter) {
    if (!(ctx.renderLimit instanceof RenderClock)) return yield* original(templates, ctx, emitter);
    return yield* original(templates.map(sliceable), ctx, emitter);
  } as RenderTemplates;
}

/** Renders asynchronously in slices, under `clock` (its limit is the per-render limit). */
export async function renderInSlices(engine: Liquid, template: Template[], variables: object, clock: RenderClock): Promise<string> {
  allowSlicing(engine);
  clock.begin();
  const ctx = new Context(variables, engine.options, { sync: false }, { liquid: engine, renderLimit: clock as never });
  try {
    return (await engine.render(template, ctx)) as string;
  } finally {
    clock.stop();
  }
}
