/** The dashboard's range of store days (inclusive), as the overview answered it; unset: each report's default. */
export interface StoreDayRange {
  from: string;
  to: string;
}
