import { comparePositions, type Range } from '../engine/text';

/** True when the ranges overlap or touch (a cursor at a finding's edge still gets its fixes). */
export function rangesIntersect(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}
