// The scenario text as a YAML document that remembers where every value came from, so an error
// found later in the plain data can point back at a line and column. JSON is YAML, so this also
// serves .json files.
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from 'yaml';
import { QnetError } from '../util/errors.js';

export type FieldPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface YamlSource {
  readonly file: string;
  /** The document's data as plain JavaScript values (a fresh copy owned by the caller). */
  readonly data: unknown;
  /** Where the value at `path` is written; for an absent value, its nearest written ancestor. */
  locate(path: FieldPath): Position;
  /** Where the key `key` of the map at `path` is written (for "unknown field" errors). */
  locateKey(path: FieldPath, key: string): Position;
}

/** Parses YAML or JSON text. Empty and syntactically broken documents are QnetErrors. */
export function readYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const [error] = doc.errors;
  if (error) {
    const [start] = error.linePos ?? [];
    throw new QnetError('E_YAML', `invalid YAML: ${firstLine(error.message)}`, {
      file,
      ...(start ? { line: start.line, column: start.col } : {}),
      hint: 'fix the syntax at this position (YAML and JSON are both accepted)',
    });
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    throw new QnetError('E_SCENARIO_EMPTY', 'the scenario file is empty', {
      file,
      hint: 'a scenario needs at least `name` and `nodes`; see examples/two-nodes-ping.yaml',
    });
  }
  const data = toJs(doc, file, at);

  const locate = (path: FieldPath): Position => at(nodeAt(doc, path).range?.[0] ?? 0);
  const locateKey = (path: FieldPath, key: string): Position => {
    const map = nodeAt(doc, path);
    const pair = isMap(map) ? map.items.find((p) => keyText(p.key) === key) : undefined;
    const node = pair && isNode(pair.key) ? pair.key : map;
    return at(node.range?.[0] ?? 0);
  };
  return { file, data, locate, locateKey };
}

function toJs(doc: Document, file: string, at: (offset: number) => Position): unknown {
  // An alias to an anchor defined later (or never) only fails when converted; find it first so
  // the error has a position. toJS also refuses alias bombs (maxAliasCount).
  let dangling: Node | undefined;
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc) === undefined) {
        dangling = alias;
        return visit.BREAK;
      }
    },
  });
  try {
    if (dangling) throw new Error(`unresolved alias '*${isAlias(dangling) ? dangling.source : ''}'`);
    return doc.toJS({ maxAliasCount: 1_000 });
  } catch (e) {
    const pos = dangling?.range ? at(dangling.range[0]) : {};
    throw new QnetError('E_YAML', `invalid YAML: ${e instanceof Error ? e.message : String(e)}`, {
      file,
      ...pos,
      hint: 'an alias (*name) must refer to an anchor (&name) defined before it',
      cause: e,
    });
  }
}

/** The deepest node of the document along `path` (the document root if nothing matches). */
function nodeAt(doc: Document, path: FieldPath): Node {
  let node: unknown = doc.contents;
  let deepest = node as Node;
  for (const part of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(part));
      if (!pair) break;
      // `key:` with nothing after it has a null value node at the colon; the key reads better.
      node = isNode(pair.value) && !isEmptyScalar(pair.value) ? pair.value : pair.key;
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
    } else break;
    if (!isNode(node)) break;
    deepest = node;
  }
  return deepest;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && node.value === null && node.range != null && node.range[0] === node.range[1];
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
