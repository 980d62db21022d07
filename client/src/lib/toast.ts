// Short notices ("Saved", "12 works changed — Undo") through one Web Awesome toast stack,
// loaded the first time a notice is shown.
type Variant = 'brand' | 'success' | 'warning' | 'danger' | 'neutral';
type Action = { label: string; run: () => void };

let stack: Promise<HTMLElement & { create(m: string, o?: object): Promise<HTMLElement & { hide(): void }> }> | null = null;

function getStack() {
  stack ??= import('@awesome.me/webawesome/dist/components/toast/toast.js').then(() => {
    const el = document.createElement('wa-toast');
    el.setAttribute('placement', 'bottom-center');
    document.body.append(el);
    return el as unknown as HTMLElement & { create(m: string, o?: object): Promise<HTMLElement & { hide(): void }> };
  });
  return stack;
}

export async function toast(message: string, opts: { variant?: Variant; action?: Action; duration?: number } = {}): Promise<void> {
  const s = await getStack();
  const item = await s.create(message, { variant: opts.variant ?? 'success', duration: opts.duration ?? (opts.action ? 15000 : 4000) });
  if (opts.action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = opts.action.label;
    button.className = 'kk-toast-action';
    button.addEventListener('click', () => {
      item.hide();
      opts.action!.run();
    });
    item.append(' ', button);
  }
}
