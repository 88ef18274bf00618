import { Injectable } from '@nestjs/common';

export const DAY_MS = 86_400_000;

/**
 * The one source of "now" on the server. In production it is the system clock;
 * with DEV_TOOLS the dev route shifts it (time keeps flowing from the new point),
 * so member days, check-in days, timeouts and windows can be exercised in demos and tests.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  setNow(at: Date | null): void {
    this.offsetMs = at ? at.getTime() - Date.now() : 0;
  }
}
