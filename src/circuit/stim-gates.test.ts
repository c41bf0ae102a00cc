import { describe, expect, it } from 'vitest';
import { stimGate, stimNameOfGate } from './stim-gates.js';

// The Stim names the reader promises, and the canonical names the gate table gives them.
const STIM_TO_CANONICAL: Readonly<Record<string, string>> = {
  I: 'id',
  X: 'x',
  Y: 'y',
  Z: 'z',
  H: 'h',
  H_XY: 'h_xy',
  H_YZ: 'h_yz',
  C_XYZ: 'c_xyz',
  C_ZYX: 'c_zyx',
  S: 's',
  S_DAG: 'sdg',
  SQRT_X: 'sx',
  SQRT_X_DAG: 'sxdg',
  SQRT_Y: 'sy',
  SQRT_Y_DAG: 'sydg',
  CX: 'cx',
  CY: 'cy',
  CZ: 'cz',
  SWAP: 'swap',
  ISWAP: 'iswap',
  ISWAP_DAG: 'iswapdg',
  XCX: 'xcx',
  XCY: 'xcy',
  XCZ: 'xcz',
  YCX: 'ycx',
  YCY: 'ycy',
  YCZ: 'ycz',
  SQRT_XX: 'sqrt_xx',
  SQRT_XX_DAG: 'sqrt_xxdg',
  SQRT_YY: 'sqrt_yy',
  SQRT_YY_DAG: 'sqrt_yydg',
  SQRT_ZZ: 'sqrt_zz',
  SQRT_ZZ_DAG: 'sqrt_zzdg',
};

const ALIASES: Readonly<Record<string, string>> = {
  CNOT: 'cx',
  ZCX: 'cx',
  ZCY: 'cy',
  ZCZ: 'cz',
  H_XZ: 'h',
  SQRT_Z: 's',
  SQRT_Z_DAG: 'sdg',
};

describe('Stim names in the gate table', () => {
  it.each(Object.entries(STIM_TO_CANONICAL))('%s is %s and prints back as itself', (stim, name) => {
    const g = stimGate(stim);
    expect(g?.name).toBe(name);
    expect(g?.arity).toBe(/^(C[XYZ]|[XY]C[XYZ]|SWAP|ISWAP|SQRT_(XX|YY|ZZ))/.test(stim) ? 2 : 1);
    expect(stimNameOfGate(name)).toBe(stim);
  });

  it.each(Object.entries(ALIASES))('alias %s is %s', (alias, name) => {
    expect(stimGate(alias)?.name).toBe(name);
    expect(stimGate(alias.toLowerCase())?.name).toBe(name);
  });

  it('knows no Stim name for gates Stim lacks', () => {
    expect(stimNameOfGate('u3')).toBeUndefined();
    expect(stimNameOfGate('no_such_gate')).toBeUndefined();
    expect(stimGate('U3')).toBeUndefined();
  });
});
