// Writes the state-vector engine's SIMD kernels: src/state/statevector-wasm.wat (generated text, for
// reading and review) and src/state/statevector-wasm-binary.ts (the module, base64). The kernels share
// one loop skeleton, generated here so each kernel states only its per-amplitude body; V8 does not
// inline WebAssembly calls, so bodies are pasted into the loops rather than called.
// Needs the `wabt` package (npm i --no-save wabt@1.0.39, or WABT_MODULE=/path/to/wabt/index.js for a
// copy elsewhere); the checked-in outputs work without it. Run: node scripts/build-statevector-wasm.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'src', 'state');

const SWAP = 'i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7';
const get = (l) => `(local.get $${l})`;
const load = (addr, offset = 0) => `(v128.load offset=${offset} ${addr})`;
const addr = (base, off) => (off ? `(i32.add ${get(base)} ${get(off)})` : get(base));
/** v · (re + i·im) with cr = [re, re], ci = [−im, im]. */
const cmul = (v, cr, ci) => `(f64x2.add (f64x2.mul ${v} ${cr}) (f64x2.mul (${SWAP} ${v} ${v}) ${ci}))`;
const splat = (x) => `(f64x2.splat ${x})`;
const imvec = (x) => `(f64x2.replace_lane 1 (f64x2.splat (f64.neg ${x})) ${x})`;

/**
 * A kernel over the indices i < n with (i & fixed) === value, in runs: the lowest fixed bit p0 splits
 * each run of the other fixed bits into blocks of 2^p0 amplitudes with gaps of 2^p0. `body` gets the
 * name of the local holding the amplitude's byte address.
 */
function kernel({ name, params, locals = [], setup, body }) {
  const all = [
    'fixed i32',
    'value i32',
    'low i32',
    'rest i32',
    'run i32',
    'i i32',
    'x i32',
    'x0 i32',
    'xend i32',
    'y0 i32',
    'yend i32',
    'stride i32',
    'inner i32',
    'v v128',
    ...locals,
  ];
  return `
  (func (export "${name}") (param $p i32) (param $n i32) ${params.map((p) => `(param $${p.replace(' ', ' ')})`).join(' ')}
    ${all.map((l) => `(local $${l})`).join(' ')}
    ${setup}
    (local.set $low (i32.and ${get('fixed')} (i32.sub (i32.const 0) ${get('fixed')})))
    (local.set $rest (i32.xor ${get('fixed')} ${get('low')}))
    (local.set $run (select ${get('n')} (i32.and ${get('rest')} (i32.sub (i32.const 0) ${get('rest')})) (i32.eqz ${get('rest')})))
    (local.set $stride (i32.shl ${get('low')} (i32.const 5)))
    (local.set $inner (i32.shl ${get('low')} (i32.const 4)))
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u ${get('i')} ${get('n')}))
        (local.set $x0 (i32.add ${get('p')} (i32.shl (i32.or ${get('i')} ${get('value')}) (i32.const 4))))
        (local.set $xend (i32.add ${get('x0')} (i32.shl ${get('run')} (i32.const 4))))
        (if (i32.eq ${get('low')} (i32.const 1))
          (then
            (local.set $x ${get('x0')})
            (loop $one
              ${body('x')}
              (local.set $x (i32.add ${get('x')} (i32.const 32)))
              (br_if $one (i32.lt_u ${get('x')} ${get('xend')}))))
          (else
            (local.set $y0 ${get('x0')})
            (loop $blocks
              (local.set $x ${get('y0')})
              (local.set $yend (i32.add ${get('y0')} ${get('inner')}))
              (loop $many
                ${body('x')}
                (local.set $x (i32.add ${get('x')} (i32.const 16)))
                (br_if $many (i32.lt_u ${get('x')} ${get('yend')})))
              (local.set $y0 (i32.add ${get('y0')} ${get('stride')}))
              (br_if $blocks (i32.lt_u ${get('y0')} ${get('xend')})))))
        (local.set $i (i32.and
          (i32.add (i32.or (i32.add ${get('i')} (i32.sub ${get('run')} (i32.const 1))) ${get('rest')}) (i32.const 1))
          (i32.xor ${get('rest')} (i32.const -1))))
        (br $outer))))`;
}

const targetSetup = (extra = '') => `
    (local.set $fixed (i32.or ${get('ctrl')} (i32.shl (i32.const 1) ${get('t')})))
    (local.set $value ${get('ctrl')})
    (local.set $off (i32.shl (i32.const 16) ${get('t')}))${extra}`;

const kernels = [
  // a_i ← (re + i·im) a_i where (i & fixed) = value; fixed ≠ 0
  kernel({
    name: 'scale',
    params: ['f i32', 'val i32', 're f64', 'im f64'],
    locals: ['cr v128', 'ci v128'],
    setup: `(local.set $fixed ${get('f')}) (local.set $value ${get('val')})
    (local.set $cr ${splat(get('re'))}) (local.set $ci ${imvec(get('im'))})`,
    body: (x) => `(local.set $v ${load(get(x))})
              (v128.store ${get(x)} ${cmul(get('v'), get('cr'), get('ci'))})`,
  }),
  // a_i ↔ a_(i + delta) where (i & fixed) = value (x: delta = 2^t; swap: 2^b − 2^a)
  kernel({
    name: 'exchange',
    params: ['f i32', 'val i32', 'delta i32'],
    locals: ['off i32'],
    setup: `(local.set $fixed ${get('f')}) (local.set $value ${get('val')})
    (local.set $off (i32.shl ${get('delta')} (i32.const 4)))`,
    body: (x) => `(local.set $v ${load(get(x))})
              (v128.store ${get(x)} ${load(addr(x, 'off'))})
              (v128.store ${addr(x, 'off')} ${get('v')})`,
  }),
  // diag(d0, d1) on target t where the ctrl bits are 1
  kernel({
    name: 'diag1',
    params: ['t i32', 'ctrl i32', 'd0r f64', 'd0i f64', 'd1r f64', 'd1i f64'],
    locals: ['off i32', 'w v128', 'c0r v128', 'c0i v128', 'c1r v128', 'c1i v128'],
    setup: targetSetup(`
    (local.set $c0r ${splat(get('d0r'))}) (local.set $c0i ${imvec(get('d0i'))})
    (local.set $c1r ${splat(get('d1r'))}) (local.set $c1i ${imvec(get('d1i'))})`),
    body: (x) => `(local.set $v ${load(get(x))})
              (local.set $w ${load(addr(x, 'off'))})
              (v128.store ${get(x)} ${cmul(get('v'), get('c0r'), get('c0i'))})
              (v128.store ${addr(x, 'off')} ${cmul(get('w'), get('c1r'), get('c1i'))})`,
  }),
  // real 2×2 on target t where the ctrl bits are 1
  kernel({
    name: 'dense1r',
    params: ['t i32', 'ctrl i32', 'm00 f64', 'm01 f64', 'm10 f64', 'm11 f64'],
    locals: ['off i32', 'w v128', 'v00 v128', 'v01 v128', 'v10 v128', 'v11 v128'],
    setup: targetSetup(`
    (local.set $v00 ${splat(get('m00'))}) (local.set $v01 ${splat(get('m01'))})
    (local.set $v10 ${splat(get('m10'))}) (local.set $v11 ${splat(get('m11'))})`),
    body: (x) => `(local.set $v ${load(get(x))})
              (local.set $w ${load(addr(x, 'off'))})
              (v128.store ${get(x)} (f64x2.add (f64x2.mul ${get('v00')} ${get('v')}) (f64x2.mul ${get('v01')} ${get('w')})))
              (v128.store ${addr(x, 'off')} (f64x2.add (f64x2.mul ${get('v10')} ${get('v')}) (f64x2.mul ${get('v11')} ${get('w')})))`,
  }),
  // Hadamard on target t where the ctrl bits are 1: a butterfly, (v ± w)/√2
  kernel({
    name: 'hadamard',
    params: ['t i32', 'ctrl i32'],
    locals: ['off i32', 'w v128', 'r v128'],
    setup: targetSetup(`
    (local.set $r ${splat('(f64.const 0.7071067811865476)')})`),
    body: (x) => `(local.set $v ${load(get(x))})
              (local.set $w ${load(addr(x, 'off'))})
              (v128.store ${get(x)} (f64x2.mul (f64x2.add ${get('v')} ${get('w')}) ${get('r')}))
              (v128.store ${addr(x, 'off')} (f64x2.mul (f64x2.sub ${get('v')} ${get('w')}) ${get('r')}))`,
  }),
  // Hadamards on targets ta and tb (ta ≠ tb) in one pass: two butterfly levels, one scaling by 1/2
  kernel({
    name: 'hadamard2',
    params: ['ta i32', 'tb i32'],
    locals: ['oa i32', 'ob i32', 'oab i32', 'w v128', 'u v128', 'z v128', 'h v128', 'e v128', 'f v128'],
    setup: `(local.set $fixed (i32.or (i32.shl (i32.const 1) ${get('ta')}) (i32.shl (i32.const 1) ${get('tb')})))
    (local.set $value (i32.const 0))
    (local.set $oa (i32.shl (i32.const 16) ${get('ta')}))
    (local.set $ob (i32.shl (i32.const 16) ${get('tb')}))
    (local.set $oab (i32.add ${get('oa')} ${get('ob')}))
    (local.set $h ${splat('(f64.const 0.5)')})`,
    body: (x) => `(local.set $v ${load(get(x))})
              (local.set $w ${load(addr(x, 'oa'))})
              (local.set $u ${load(addr(x, 'ob'))})
              (local.set $z ${load(addr(x, 'oab'))})
              (local.set $e (f64x2.add ${get('v')} ${get('w')}))
              (local.set $f (f64x2.add ${get('u')} ${get('z')}))
              (v128.store ${get(x)} (f64x2.mul (f64x2.add ${get('e')} ${get('f')}) ${get('h')}))
              (v128.store ${addr(x, 'ob')} (f64x2.mul (f64x2.sub ${get('e')} ${get('f')}) ${get('h')}))
              (local.set $e (f64x2.sub ${get('v')} ${get('w')}))
              (local.set $f (f64x2.sub ${get('u')} ${get('z')}))
              (v128.store ${addr(x, 'oa')} (f64x2.mul (f64x2.add ${get('e')} ${get('f')}) ${get('h')}))
              (v128.store ${addr(x, 'oab')} (f64x2.mul (f64x2.sub ${get('e')} ${get('f')}) ${get('h')}))`,
  }),
  // complex 2×2 on target t where the ctrl bits are 1
  kernel({
    name: 'dense1c',
    params: [
      't i32',
      'ctrl i32',
      'm00r f64',
      'm00i f64',
      'm01r f64',
      'm01i f64',
      'm10r f64',
      'm10i f64',
      'm11r f64',
      'm11i f64',
    ],
    locals: [
      'off i32',
      'w v128',
      'vs v128',
      'ws v128',
      'r00 v128',
      'i00 v128',
      'r01 v128',
      'i01 v128',
      'r10 v128',
      'i10 v128',
      'r11 v128',
      'i11 v128',
    ],
    setup: targetSetup(
      ['00', '01', '10', '11']
        .map(
          (e) =>
            `\n    (local.set $r${e} ${splat(get(`m${e}r`))}) (local.set $i${e} ${imvec(get(`m${e}i`))})`,
        )
        .join(''),
    ),
    body: (x) => `(local.set $v ${load(get(x))})
              (local.set $w ${load(addr(x, 'off'))})
              (local.set $vs (${SWAP} ${get('v')} ${get('v')}))
              (local.set $ws (${SWAP} ${get('w')} ${get('w')}))
              (v128.store ${get(x)} (f64x2.add
                (f64x2.add (f64x2.mul ${get('r00')} ${get('v')}) (f64x2.mul ${get('i00')} ${get('vs')}))
                (f64x2.add (f64x2.mul ${get('r01')} ${get('w')}) (f64x2.mul ${get('i01')} ${get('ws')}))))
              (v128.store ${addr(x, 'off')} (f64x2.add
                (f64x2.add (f64x2.mul ${get('r10')} ${get('v')}) (f64x2.mul ${get('i10')} ${get('vs')}))
                (f64x2.add (f64x2.mul ${get('r11')} ${get('w')}) (f64x2.mul ${get('i11')} ${get('ws')}))))`,
  }),
  // 4×4 matrix on (hi, lo) where the ctrl bits are 1; entry (r, c) expanded at mp + 32(4r + c) as
  // [re, re], [−im, im]
  kernel({
    name: 'dense2',
    params: ['hi i32', 'lo i32', 'ctrl i32', 'mp i32'],
    locals: ['o1 i32', 'o2 i32', 'o3 i32', ...[0, 1, 2, 3].flatMap((c) => [`a${c} v128`, `s${c} v128`])],
    setup: `(local.set $fixed (i32.or ${get('ctrl')} (i32.or (i32.shl (i32.const 1) ${get('hi')}) (i32.shl (i32.const 1) ${get('lo')}))))
    (local.set $value ${get('ctrl')})
    (local.set $o1 (i32.shl (i32.const 16) ${get('lo')}))
    (local.set $o2 (i32.shl (i32.const 16) ${get('hi')}))
    (local.set $o3 (i32.add ${get('o1')} ${get('o2')}))`,
    body: (x) => {
      const at = ['', 'o1', 'o2', 'o3'];
      const lines = [0, 1, 2, 3].map(
        (c) =>
          `(local.set $a${c} ${load(addr(x, at[c]))}) (local.set $s${c} (${SWAP} ${get(`a${c}`)} ${get(`a${c}`)}))`,
      );
      const term = (r, c) =>
        `(f64x2.add (f64x2.mul ${load(get('mp'), 32 * (4 * r + c))} ${get(`a${c}`)}) (f64x2.mul ${load(get('mp'), 32 * (4 * r + c) + 16)} ${get(`s${c}`)}))`;
      for (let r = 0; r < 4; r++) {
        lines.push(
          `(v128.store ${addr(x, at[r])} (f64x2.add (f64x2.add ${term(r, 0)} ${term(r, 1)}) (f64x2.add ${term(r, 2)} ${term(r, 3)})))`,
        );
      }
      return lines.join('\n              ');
    },
  }),
];

/** A block copy between the scratch block and the runs of the register (gather: runs → block). */
const copy = (name) => `
  (func (export "${name}") (param $base i32) (param $block i32) (param $op i32) (param $runs i32) (param $runBytes i32)
    (local $j i32) (local $src i32) (local $dst i32) (local $end i32) (local $run i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $j) (local.get $runs)))
        (local.set $run (i32.add (local.get $base) (i32.load (i32.add (local.get $op) (i32.shl (local.get $j) (i32.const 2))))))
        (local.set $src ${name === 'gather' ? '(local.get $run)' : '(local.get $block)'})
        (local.set $dst ${name === 'gather' ? '(local.get $block)' : '(local.get $run)'})
        (local.set $end (i32.add (local.get $src) (local.get $runBytes)))
        (loop $c
          (v128.store (local.get $dst) (v128.load (local.get $src)))
          (local.set $src (i32.add (local.get $src) (i32.const 16)))
          (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
          (br_if $c (i32.lt_u (local.get $src) (local.get $end))))
        (local.set $block (i32.add (local.get $block) (local.get $runBytes)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $l))))`;

const wat = `;; GENERATED by scripts/build-statevector-wasm.mjs; edit that script, not this file.
;; SIMD kernels of the state-vector engine (WebAssembly 128-bit SIMD, f64x2 = one complex amplitude),
;; with the meaning of the TypeScript kernels in statevector-kernels.ts. Pointers are byte offsets into
;; the imported memory, n counts amplitudes (16 bytes each), masks are bits of the amplitude index.
(module
  (import "env" "memory" (memory 1))
${kernels.join('\n')}

  ;; Diagonal table: for each chunk of 2^chunkBits amplitudes, row = tp + 32·(h << nLow) where h holds
  ;; the chunk index's bits at the nHigh positions listed (i32) at hp; amplitude t of the chunk is
  ;; multiplied by the entry at row + lowMap[t] (i32 byte offsets at lp), expanded as [re, re], [−im, im].
  (func (export "diagTable") (param $p i32) (param $n i32) (param $tp i32) (param $lp i32) (param $chunkBits i32)
    (param $nLow i32) (param $hp i32) (param $nHigh i32)
    (local $c i32) (local $h i32) (local $b i32) (local $row i32) (local $t i32) (local $x i32) (local $e i32)
    (local $chunk i32) (local $v v128)
    (local.set $chunk (i32.shl (i32.const 1) (local.get $chunkBits)))
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u (local.get $c) (local.get $n)))
        (local.set $h (i32.const 0))
        (local.set $b (i32.const 0))
        (block $hd
          (loop $hl
            (br_if $hd (i32.ge_u (local.get $b) (local.get $nHigh)))
            (local.set $h (i32.or (local.get $h)
              (i32.shl
                (i32.and (i32.shr_u (local.get $c) (i32.load (i32.add (local.get $hp) (i32.shl (local.get $b) (i32.const 2)))))
                  (i32.const 1))
                (local.get $b))))
            (local.set $b (i32.add (local.get $b) (i32.const 1)))
            (br $hl)))
        (local.set $row (i32.add (local.get $tp) (i32.shl (i32.shl (local.get $h) (local.get $nLow)) (i32.const 5))))
        (local.set $x (i32.add (local.get $p) (i32.shl (local.get $c) (i32.const 4))))
        (local.set $t (i32.const 0))
        (loop $inner
          (local.set $e (i32.add (local.get $row) (i32.load (i32.add (local.get $lp) (i32.shl (local.get $t) (i32.const 2))))))
          (local.set $v (v128.load (local.get $x)))
          (v128.store (local.get $x) ${cmul(get('v'), load(get('e')), load(get('e'), 16))})
          (local.set $x (i32.add (local.get $x) (i32.const 16)))
          (local.set $t (i32.add (local.get $t) (i32.const 1)))
          (br_if $inner (i32.lt_u (local.get $t) (local.get $chunk))))
        (local.set $c (i32.add (local.get $c) (local.get $chunk)))
        (br $outer))))

  ;; Block copies: run j of \`runs\` (runBytes each, a multiple of 16) sits at base + offsets[j] (i32 byte
  ;; offsets at op). Runs are short (128 bytes and up): a vector loop beats memory.copy's call.
${copy('gather')}
${copy('scatter')}
)
`;

writeFileSync(join(out, 'statevector-wasm.wat'), wat);

let wabtInit;
try {
  wabtInit = (await import(process.env.WABT_MODULE ?? 'wabt')).default;
} catch {
  console.error('wabt is not installed: wrote the .wat only (npm i --no-save wabt@1.0.39 to assemble it)');
  process.exit(1);
}
const wabt = await wabtInit();
const module = wabt.parseWat('statevector-wasm.wat', wat, { simd: true });
const { buffer } = module.toBinary({});
const base64 = Buffer.from(buffer).toString('base64');
const lines = base64.match(/.{1,100}/g) ?? [];
writeFileSync(
  join(out, 'statevector-wasm-binary.ts'),
  `// GENERATED by scripts/build-statevector-wasm.mjs from the kernels it writes to statevector-wasm.wat
// (${buffer.length} bytes). Checked in so the engine needs no WebAssembly toolchain to build or run.
export const STATEVECTOR_WASM_BASE64 =\n${lines.map((l) => `  '${l}'`).join(' +\n')};\n`,
);
console.log(`statevector-wasm: ${buffer.length} bytes`);
