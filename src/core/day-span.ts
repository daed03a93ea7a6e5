// Whole days from one calendar date to another, kept apart from the daily jobs so the sidebar can count days too.
import { dayNumber } from './dates';

/** Days from one date to another (negative when `to` is earlier): "overdue by N days", the length of a period. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}
