// A binary max-heap of (priority, vertex, target, version) entries in typed arrays, for the FM
// move queue. Stale entries are not removed; the caller skips them by version.

export class MoveHeap {
  private prio = new Float64Array(64);
  private vtx = new Int32Array(64);
  private tgt = new Int32Array(64);
  private ver = new Int32Array(64);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(priority: number, v: number, target: number, version: number): void {
    if (this.size === this.prio.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.prio[parent]! >= priority) break;
      this.prio[i] = this.prio[parent]!;
      this.vtx[i] = this.vtx[parent]!;
      this.tgt[i] = this.tgt[parent]!;
      this.ver[i] = this.ver[parent]!;
      i = parent;
    }
    this.prio[i] = priority;
    this.vtx[i] = v;
    this.tgt[i] = target;
    this.ver[i] = version;
  }

  /** Removes the top entry; read it first with topPriority/topVertex/topTarget/topVersion. */
  pop(): void {
    const last = --this.size;
    if (last === 0) return;
    const p = this.prio[last]!;
    const v = this.vtx[last]!;
    const t = this.tgt[last]!;
    const w = this.ver[last]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && this.prio[c + 1]! > this.prio[c]!) c++;
      if (this.prio[c]! <= p) break;
      this.prio[i] = this.prio[c]!;
      this.vtx[i] = this.vtx[c]!;
      this.tgt[i] = this.tgt[c]!;
      this.ver[i] = this.ver[c]!;
      i = c;
    }
    this.prio[i] = p;
    this.vtx[i] = v;
    this.tgt[i] = t;
    this.ver[i] = w;
  }

  topPriority(): number {
    return this.prio[0]!;
  }
  topVertex(): number {
    return this.vtx[0]!;
  }
  topTarget(): number {
    return this.tgt[0]!;
  }
  topVersion(): number {
    return this.ver[0]!;
  }

  private grow(): void {
    const n = this.prio.length * 2;
    const p = new Float64Array(n);
    p.set(this.prio);
    this.prio = p;
    const v = new Int32Array(n);
    v.set(this.vtx);
    this.vtx = v;
    const t = new Int32Array(n);
    t.set(this.tgt);
    this.tgt = t;
    const w = new Int32Array(n);
    w.set(this.ver);
    this.ver = w;
  }
}
