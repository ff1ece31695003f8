/**
 * Follows a position on one axis from `start` and tells when its direction reverses after
 * a leg of at least `minLeg`: scroll summaries count the page going up and down with it,
 * thrashed-cursor detection the mouse sweeping back and forth.
 */
export function trackReversals(start: number): (position: number, minLeg: number) => boolean {
  let last = start;
  let legStart = start;
  let direction = 0;
  return (position, minLeg) => {
    const step = Math.sign(position - last);
    let reversed = false;
    if (step && step !== direction) {
      reversed = direction !== 0 && Math.abs(last - legStart) >= minLeg;
      direction = step;
      legStart = last;
    }
    last = position;
    return reversed;
  };
}
