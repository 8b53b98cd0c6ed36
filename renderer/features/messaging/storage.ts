/** Saved message templates and the history of sent messages, kept in the window's localStorage. */
import { useCallback, useState } from 'react';
import type { ComposerDraft } from './draft';

const TEMPLATES = 'warren.messaging.templates';
const HISTORY = 'warren.messaging.history';
const HISTORY_MAX = 50;

export interface SavedDraft {
  name: string;
  at: number;
  draft: ComposerDraft;
}

function read(key: string): SavedDraft[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as SavedDraft[]) : [];
  } catch {
    return [];
  }
}

function write(key: string, list: SavedDraft[]) {
  try {
    localStorage.setItem(key, JSON.stringify(list));
  } catch {
    // Storage full or disabled: the list lives for this window only.
  }
}

export function useSavedDrafts() {
  const [templates, setTemplates] = useState(() => read(TEMPLATES));
  const [history, setHistory] = useState(() => read(HISTORY));
  const saveTemplate = useCallback((name: string, draft: ComposerDraft) => {
    setTemplates((prev) => {
      const next = [{ name, at: Date.now(), draft }, ...prev.filter((t) => t.name !== name)];
      write(TEMPLATES, next);
      return next;
    });
  }, []);
  const deleteTemplate = useCallback((name: string) => {
    setTemplates((prev) => {
      const next = prev.filter((t) => t.name !== name);
      write(TEMPLATES, next);
      return next;
    });
  }, []);
  const remember = useCallback((draft: ComposerDraft) => {
    setHistory((prev) => {
      const name = `${draft.exchange || '(default)'} → ${draft.routingKey}`;
      const next = [{ name, at: Date.now(), draft }, ...prev].slice(0, HISTORY_MAX);
      write(HISTORY, next);
      return next;
    });
  }, []);
  return { templates, history, saveTemplate, deleteTemplate, remember };
}
