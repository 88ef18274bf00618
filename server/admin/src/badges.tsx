import { useEffect, useState } from 'react';
import type { AdminBadges } from '@mc/shared';
import { api } from './api';

const EVENT = 'admin-badges-refresh';
const EVERY_MS = 60_000;

/** Asks the menu to count again (after shipping or deciding a refund). */
export const refreshBadges = () => window.dispatchEvent(new Event(EVENT));

/**
 * The menu's counts (`GET /api/admin/badges`): read when the page changes, every minute and when a
 * page asks; null until known or when they cannot be read (the menu then shows no badge).
 */
export function useAdminBadges(path: string): AdminBadges | null {
  const [badges, setBadges] = useState<AdminBadges | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const again = () => setTick((n) => n + 1);
    window.addEventListener(EVENT, again);
    const timer = window.setInterval(again, EVERY_MS);
    return () => {
      window.removeEventListener(EVENT, again);
      window.clearInterval(timer);
    };
  }, []);
  useEffect(() => {
    let live = true;
    api.get<AdminBadges>('/api/admin/badges').then(
      (b) => live && setBadges(b),
      () => live && setBadges(null),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  return badges;
}
