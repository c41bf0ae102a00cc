// Pending events ordered by (time, priority, sequence). The hot path of every simulation, so it keeps
// its state in typed arrays with a slot free-list and allocates nothing per event: the heap holds
// (time, slot) pairs and looks priority and sequence up by slot only when two times tie.

/** Handle of a scheduled event, returned by `schedule` and accepted by `cancel`. */
export type EventId = number;

// An id is generation * SLOT_LIMIT + slot. A slot's generation moves on every time it is released and
// a slot whose generation runs out is retired rather than reused, so no two events ever share an id
// and a stale id can only miss.
const SLOT_BITS = 24;
const SLOT_LIMIT = 2 ** SLOT_BITS;
const GENERATION_LIMIT = 2 ** (53 - SLOT_BITS);

const FREE = 0;
const PENDING = 1;
const CANCELLED = 2;

// Four children per node: half the depth of a binary heap, and siblings sit next to each other in memory.
const ARITY = 4;

export class EventQueue<H> {
  private capacity = 0;
  // Heap, in heap order.
  private heapTime = new Float64Array(0);
  private heapSlot = new Int32Array(0);
  private heapSize = 0;
  // Per slot.
  private priority = new Int32Array(0);
  private seq = new Float64Array(0);
  private arg = new Float64Array(0);
  private generation = new Int32Array(0);
  private state = new Uint8Array(0);
  private handlers: (H | undefined)[] = [];
  private freeSlots = new Int32Array(0);
  private freeCount = 0;
  private slotCount = 0;

  private nextSeq = 0;
  private live = 0;
  private cancelledInHeap = 0;

  // What pop() took out; read right after pop(), before the next push.
  poppedTimePs = 0;
  poppedArg = 0;
  poppedPriority = 0;
  poppedSeq = 0;

  constructor(initialCapacity = 1024) {
    this.grow(Math.max(16, initialCapacity));
  }

  /** Events scheduled and neither fired nor cancelled. */
  get size(): number {
    return this.live;
  }

  /** Adds an event; the caller has validated time and priority. */
  push(timePs: number, priority: number, handler: H, arg: number): EventId {
    let slot: number;
    if (this.freeCount > 0) {
      slot = this.freeSlots[--this.freeCount]!;
    } else {
      if (this.slotCount === this.capacity) this.grow(this.capacity * 2);
      slot = this.slotCount++;
      // Generations start at 1 so that 0 is never a valid id and can stand for "no event".
      this.generation[slot] = 1;
    }
    this.priority[slot] = priority;
    this.seq[slot] = this.nextSeq++;
    this.arg[slot] = arg;
    this.state[slot] = PENDING;
    this.handlers[slot] = handler;
    this.live++;
    this.siftUp(this.heapSize++, timePs, slot);
    return this.generation[slot]! * SLOT_LIMIT + slot;
  }

  /** Cancels a pending event. False when the id is unknown, already fired or already cancelled. */
  cancel(id: EventId): boolean {
    if (!Number.isSafeInteger(id) || id < 0) return false;
    const slot = id % SLOT_LIMIT;
    if (slot >= this.slotCount || this.state[slot] !== PENDING) return false;
    if (this.generation[slot] !== (id - slot) / SLOT_LIMIT) return false;
    // Lazy: the entry stays in the heap and is dropped when it reaches the top.
    this.state[slot] = CANCELLED;
    this.handlers[slot] = undefined;
    this.live--;
    this.cancelledInHeap++;
    // Many far-future cancellations (timeouts that never fire) would otherwise pile up.
    if (this.cancelledInHeap > 1024 && this.cancelledInHeap * 2 > this.heapSize) this.compact();
    return true;
  }

  /** True when `id` names an event that is still pending. */
  isPending(id: EventId): boolean {
    if (!Number.isSafeInteger(id) || id < 0) return false;
    const slot = id % SLOT_LIMIT;
    return (
      slot < this.slotCount &&
      this.state[slot] === PENDING &&
      this.generation[slot] === (id - slot) / SLOT_LIMIT
    );
  }

  /** Time of the earliest pending event, or Infinity when there is none. */
  peekTime(): number {
    while (this.heapSize > 0) {
      const top = this.heapSlot[0]!;
      if (this.state[top] === PENDING) return this.heapTime[0]!;
      this.removeTop();
      this.cancelledInHeap--;
      this.release(top);
    }
    return Number.POSITIVE_INFINITY;
  }

  /**
   * Removes the earliest pending event and returns its handler; its time, argument, priority and
   * sequence are left in the `popped*` fields. Call only after peekTime() returned a finite time.
   */
  pop(): H {
    const slot = this.heapSlot[0]!;
    this.poppedTimePs = this.heapTime[0]!;
    this.poppedArg = this.arg[slot]!;
    this.poppedPriority = this.priority[slot]!;
    this.poppedSeq = this.seq[slot]!;
    const handler = this.handlers[slot] as H;
    this.live--;
    this.removeTop();
    this.release(slot);
    return handler;
  }

  /** True when slot a's event goes before slot b's at equal time. */
  private before(a: number, b: number): boolean {
    const pa = this.priority[a]!;
    const pb = this.priority[b]!;
    return pa < pb || (pa === pb && this.seq[a]! < this.seq[b]!);
  }

  private siftUp(pos: number, timePs: number, slot: number): void {
    const heapTime = this.heapTime;
    const heapSlot = this.heapSlot;
    while (pos > 0) {
      const parent = (pos - 1) >> 2;
      const parentTime = heapTime[parent]!;
      if (timePs > parentTime || (timePs === parentTime && !this.before(slot, heapSlot[parent]!))) break;
      heapTime[pos] = parentTime;
      heapSlot[pos] = heapSlot[parent]!;
      pos = parent;
    }
    heapTime[pos] = timePs;
    heapSlot[pos] = slot;
  }

  // Floyd's bottom-up deletion: the hole walks down along the smaller children without comparing
  // against the displaced last element, which almost always belongs near the bottom anyway; the
  // element then sifts up from the leaf. Saves one comparison per level over plain sift-down.
  private removeTop(): void {
    const n = --this.heapSize;
    if (n === 0) return;
    const heapTime = this.heapTime;
    const heapSlot = this.heapSlot;
    let pos = 0;
    for (;;) {
      const first = ARITY * pos + 1;
      if (first >= n) break;
      const end = Math.min(first + ARITY, n);
      let best = first;
      let bestTime = heapTime[first]!;
      for (let c = first + 1; c < end; c++) {
        const t = heapTime[c]!;
        if (t < bestTime || (t === bestTime && this.before(heapSlot[c]!, heapSlot[best]!))) {
          best = c;
          bestTime = t;
        }
      }
      heapTime[pos] = bestTime;
      heapSlot[pos] = heapSlot[best]!;
      pos = best;
    }
    this.siftUp(pos, heapTime[n]!, heapSlot[n]!);
  }

  private siftDown(pos: number, timePs: number, slot: number): void {
    const heapTime = this.heapTime;
    const heapSlot = this.heapSlot;
    const n = this.heapSize;
    for (;;) {
      const first = ARITY * pos + 1;
      if (first >= n) break;
      const end = Math.min(first + ARITY, n);
      let best = first;
      let bestTime = heapTime[first]!;
      for (let c = first + 1; c < end; c++) {
        const t = heapTime[c]!;
        if (t < bestTime || (t === bestTime && this.before(heapSlot[c]!, heapSlot[best]!))) {
          best = c;
          bestTime = t;
        }
      }
      if (bestTime > timePs || (bestTime === timePs && this.before(slot, heapSlot[best]!))) break;
      heapTime[pos] = bestTime;
      heapSlot[pos] = heapSlot[best]!;
      pos = best;
    }
    heapTime[pos] = timePs;
    heapSlot[pos] = slot;
  }

  private release(slot: number): void {
    this.state[slot] = FREE;
    this.handlers[slot] = undefined;
    const next = this.generation[slot]! + 1;
    if (next < GENERATION_LIMIT) {
      this.generation[slot] = next;
      this.freeSlots[this.freeCount++] = slot;
    }
  }

  /** Drops every cancelled entry and rebuilds the heap in O(n). */
  private compact(): void {
    let n = 0;
    for (let i = 0; i < this.heapSize; i++) {
      const slot = this.heapSlot[i]!;
      if (this.state[slot] === PENDING) {
        this.heapTime[n] = this.heapTime[i]!;
        this.heapSlot[n++] = slot;
      } else {
        this.release(slot);
      }
    }
    this.heapSize = n;
    this.cancelledInHeap = 0;
    for (let i = ((n - 2) >> 2) + 1; i-- > 0; ) this.siftDown(i, this.heapTime[i]!, this.heapSlot[i]!);
  }

  private grow(capacity: number): void {
    if (capacity > SLOT_LIMIT) {
      if (this.capacity === SLOT_LIMIT) throw new Error(`event queue full: ${SLOT_LIMIT} pending events`);
      capacity = SLOT_LIMIT;
    }
    const widen = <A extends Float64Array | Int32Array | Uint8Array>(old: A, make: (n: number) => A): A => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.heapTime = widen(this.heapTime, (n) => new Float64Array(n));
    this.heapSlot = widen(this.heapSlot, (n) => new Int32Array(n));
    this.priority = widen(this.priority, (n) => new Int32Array(n));
    this.seq = widen(this.seq, (n) => new Float64Array(n));
    this.arg = widen(this.arg, (n) => new Float64Array(n));
    this.generation = widen(this.generation, (n) => new Int32Array(n));
    this.state = widen(this.state, (n) => new Uint8Array(n));
    this.freeSlots = widen(this.freeSlots, (n) => new Int32Array(n));
    this.capacity = capacity;
  }
}
