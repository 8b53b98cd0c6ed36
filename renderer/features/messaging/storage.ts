/** Where saved templates and the history of sent messages persist: the window's localStorage. */
import type { ComposerDraft } from './draft';

export const TEMPLATES_KEY = 'warren.messaging.templates';
export const HISTORY_KEY = 'warren.messaging.history';
export const HISTORY_MAX = 50;

export interface SavedDraft {
  name: string;
  at: number;
  draft: ComposerDraft;
}

export function readSaved(key: string): SavedDraft[] {
  try {
    const parsed = JSON.parse(globalThis.localStorage?.getItem(key) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as SavedDraft[]) : [];
  } catch {
    return [];
  }
}

export function writeSaved(key: string, list: SavedDraft[]): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(list));
  } catch {
    // Storage full or disabled: the list lives for this window only.
  }
}
