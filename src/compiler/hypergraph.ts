// A weighted hypergraph in compressed-sparse-row form, the partitioner's working graph. Vertex
// weights are sparse vectors over "resources" (one resource per time slice): a vertex standing for
// qubit q in slices 3..5 weighs 1 in each of those slices, so capacity holds slice by slice.

export interface Hypergraph {
  readonly numVertices: number;
  readonly numEdges: number;
  readonly numResources: number;
  /** Pins of edge e: pins[edgePtr[e] .. edgePtr[e + 1]). */
  readonly edgePtr: Int32Array;
  readonly pins: Int32Array;
  readonly edgeWeight: Int32Array;
  /** Edges of vertex v: incident[vertexPtr[v] .. vertexPtr[v + 1]). */
  readonly vertexPtr: Int32Array;
  readonly incident: Int32Array;
  /** Weight of vertex v: amounts weightAmt[i] of resources weightRes[i], i in weightPtr[v] .. weightPtr[v + 1]. */
  readonly weightPtr: Int32Array;
  readonly weightRes: Int32Array;
  readonly weightAmt: Int32Array;
}

/** Builds the vertex-to-edge incidence from the edge-to-pin lists. */
export function makeHypergraph(
  numVertices: number,
  numResources: number,
  edgePtr: Int32Array,
  pins: Int32Array,
  edgeWeight: Int32Array,
  weightPtr: Int32Array,
  weightRes: Int32Array,
  weightAmt: Int32Array,
): Hypergraph {
  const numEdges = edgeWeight.length;
  const vertexPtr = new Int32Array(numVertices + 1);
  for (let i = 0; i < pins.length; i++) vertexPtr[pins[i]! + 1]!++;
  for (let v = 0; v < numVertices; v++) vertexPtr[v + 1]! += vertexPtr[v]!;
  const fill = vertexPtr.slice(0, numVertices);
  const incident = new Int32Array(pins.length);
  for (let e = 0; e < numEdges; e++) {
    for (let i = edgePtr[e]!; i < edgePtr[e + 1]!; i++) incident[fill[pins[i]!]!++] = e;
  }
  return {
    numVertices,
    numEdges,
    numResources,
    edgePtr,
    pins,
    edgeWeight,
    vertexPtr,
    incident,
    weightPtr,
    weightRes,
    weightAmt,
  };
}

/** Growable int buffer for building CSR arrays without knowing sizes in advance. */
export class IntBuffer {
  private data: Int32Array;
  length = 0;
  constructor(capacity = 64) {
    this.data = new Int32Array(Math.max(4, capacity));
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
  /** The backing array (valid up to `length`; replaced when the buffer grows). */
  view(): Int32Array {
    return this.data;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
