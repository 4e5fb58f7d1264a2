import { useEffect, useState } from 'react';
import type { DeliveryChoice } from '../../../cases/model';

/**
 * What the applicant typed and the server has not taken yet, kept on the device: a phone that
 * loses its network, or is closed before it comes back, loses nothing.
 */
export interface KeptDraft {
  /** The case's version the changes were made on. */
  version: number;
  values: Record<string, unknown>;
  delivery: DeliveryChoice;
}

const keyOf = (caseId: string) => `onetrip.draft.${caseId}`;

/** The device's copy, if it was made on the version the server still has (nothing overtook it). */
export function readKept(caseId: string, version: number): KeptDraft | null {
  try {
    const raw = localStorage.getItem(keyOf(caseId));
    if (!raw) return null;
    const kept = JSON.parse(raw) as KeptDraft;
    if (kept.version === version) return kept;
    // Saved elsewhere since (the counter, the kiosk): the server's draft is the newer one.
    localStorage.removeItem(keyOf(caseId));
    return null;
  } catch {
    return null;
  }
}

export function keepDraft(caseId: string, kept: KeptDraft): void {
  try {
    localStorage.setItem(keyOf(caseId), JSON.stringify(kept));
  } catch {
    // Storage full or disabled (private browsing): the server's autosave still runs.
  }
}

export function dropKept(caseId: string): void {
  try {
    localStorage.removeItem(keyOf(caseId));
  } catch {
    // Nothing kept.
  }
}

export type AutosaveState =
  | { kind: 'idle' }
  | { kind: 'restored' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'offline' }
  | { kind: 'failed'; message: string };

/** Counts the network coming back, so a pending save runs again at once. */
export function useOnlineTick(): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const on = () => setTick((n) => n + 1);
    window.addEventListener('online', on);
    return () => window.removeEventListener('online', on);
  }, []);
  return tick;
}
