/** The element with `id` on this extension page: its HTML is ours and always has it. */
export const $ = (id: string): HTMLElement => document.getElementById(id)!;
