// The few Bootstrap 5 classes the page starts itself (Bootstrap ships no types of its own).
declare module 'bootstrap' {
  export class Tooltip {
    constructor(element: Element);
  }
  export class Popover {
    constructor(element: Element);
  }
  export class Toast {
    constructor(element: Element, options?: { delay?: number });
    show(): void;
  }
}
