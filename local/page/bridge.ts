// google.script.run / google.script.host inside a sidebar or dialog iframe of the local stand-in: calls go to /api/run.
type Handler = ((value: unknown, userObject?: unknown) => void) | null;

interface Presented {
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string };
}

// Google refuses what it cannot serialise before the call leaves the page: Date, functions, DOM nodes, class instances.
function illegal(v: unknown, path: string): string | null {
  if (v === null || v === undefined) return null;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return null;
  if (t !== 'object') return path;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = illegal(v[i], `${path}.${i}`);
      if (p) return p;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return path;
  for (const k of Object.keys(v as object)) {
    const p = illegal((v as Record<string, unknown>)[k], `${path}.${k}`);
    if (p) return p;
  }
  return null;
}

let inFlight = 0;
function busy(delta: number): void {
  inFlight += delta;
  document.documentElement.dataset.gasInFlight = String(inFlight);
}

function call(fn: string, args: unknown[], success: Handler, failure: Handler, user: unknown): void {
  for (let i = 0; i < args.length; i++) {
    const where = illegal(args[i], String(i));
    if (where !== null) throw new Error(`Failed due to illegal value in property: ${where}`);
  }
  busy(1);
  fetch('/api/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fn, args }) })
    .then(async (r) => {
      const out = (await r.json()) as Presented;
      // The stand-in page refreshes the grid and shows what the call put on screen (toasts, alerts, sidebars).
      // A direct call (same origin) marks the page busy before this call stops counting as in flight.
      const parent = window.parent as unknown as { __lhhRan?: (fn: string, outcome: unknown) => void };
      if (parent !== (window as unknown) && typeof parent.__lhhRan === 'function') parent.__lhhRan(fn, out);
      else window.parent.postMessage({ type: 'lhh:ran', fn, outcome: out }, location.origin);
      if (out.ok) {
        if (success) success(out.value === undefined ? null : out.value, user);
      } else if (failure) {
        const e = new Error(out.error?.message ?? 'Lỗi máy chủ');
        e.name = out.error?.name ?? 'ScriptError';
        failure(e, user);
      } else {
        console.error(`google.script.run.${fn}: ${out.error?.message}`);
      }
    })
    .catch((e: unknown) => {
      if (failure) failure(e instanceof Error ? e : new Error(String(e)), user);
    })
    .finally(() => busy(-1));
}

function runner(success: Handler, failure: Handler, user: unknown): unknown {
  return new Proxy(
    {},
    {
      get(_t, name) {
        if (name === 'withSuccessHandler') return (f: Handler) => runner(f, failure, user);
        if (name === 'withFailureHandler') return (f: Handler) => runner(success, f, user);
        if (name === 'withUserObject') return (u: unknown) => runner(success, failure, u);
        if (typeof name !== 'string' || name === 'then' || name === 'toJSON') return undefined;
        return (...args: unknown[]) => call(name, args, success, failure, user);
      },
    },
  );
}

const post = (type: string, extra: Record<string, unknown> = {}) => window.parent.postMessage({ type, ...extra }, location.origin);

(window as unknown as { google: unknown }).google = {
  script: {
    run: runner(null, null, undefined),
    host: {
      close: () => post('lhh:close'),
      setHeight: (h: number) => post('lhh:size', { height: h }),
      setWidth: (w: number) => post('lhh:size', { width: w }),
      editor: { focus: () => post('lhh:focus') },
      origin: location.origin,
    },
    url: { getLocation: (cb: (l: unknown) => void) => cb({ hash: '', parameter: {}, parameters: {} }) },
  },
};

// Links in sidebars (<base target="_top">) would replace the stand-in page: open them in a new tab instead.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('base[target="_top"]').forEach((b) => b.setAttribute('target', '_blank'));
});

// A link to a Google Doc the add-on made opens that Doc in the stand-in's "Tài liệu" view.
document.addEventListener(
  'click',
  (ev) => {
    const a = (ev.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    const m = a && /^https:\/\/docs\.google\.com\/document\/d\/([\w-]+)/.exec(a.href);
    if (!m) return;
    ev.preventDefault();
    post('lhh:open-doc', { id: m[1] });
  },
  true,
);
