import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostName } from '../../../api/exposure.js';
import { loadConfig } from '../../../config/config.js';
import { devSigninRefusal, isLoopbackHost, isWeakSecret, startupRefusals } from '../../../config/exposure.js';

/** What the API may offer given where it listens (config/exposure.ts, docs/security.md "Secure defaults"). */
const config = (env: Record<string, string>) => loadConfig({ DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'cxgov-exposure-')), ...env });
const strong = 'Zt8q3vYb0Lr6Wm1Kx9Pd4Hs7Jc2Nf5Ge8Ua0Qo3Ti6Vy1Rw';
const surveyStrong = 'Mq5Xe2Lz8Wv1Bn4Cr7Ty0Ud3Hk6Jp9Fs2Ga5Zo8Qi1Nw4Ey';

describe('where the API listens', () => {
  it('tells loopback from the network', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', 'app.localhost']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.5', 'cxgov.bank.internal', '128.0.0.1']) expect(isLoopbackHost(h), h).toBe(false);
  });

  it('reads the host name of a Host header without its port', () => {
    expect(hostName('LocalHost:3000')).toBe('localhost');
    expect(hostName('[::1]:3000')).toBe('[::1]');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
    expect(hostName('a:b:c')).toBeUndefined();
    expect(hostName(undefined)).toBeUndefined();
  });

  it('calls secrets with few distinct characters or a placeholder word weak', () => {
    expect(isWeakSecret('x'.repeat(48))).toBe(true);
    expect(isWeakSecret('test-secret-'.padEnd(48, 'x'))).toBe(true);
    expect(isWeakSecret('please-change-me-0123456789abcdefghijklmnop')).toBe(true);
    expect(isWeakSecret(strong)).toBe(false);
  });
});

describe('development sign-in and the start beyond loopback', () => {
  it('allows the development sign-in on loopback only, without an identity provider and outside production', () => {
    expect(devSigninRefusal(config({}), {})).toBeUndefined();
    expect(devSigninRefusal(config({ HOST: '0.0.0.0' }), {})).toContain('beyond loopback');
    expect(devSigninRefusal(config({ JWT_JWKS_URL: 'https://idp.bank.example/jwks.json' }), {})).toContain('JWT_JWKS_URL');
    expect(devSigninRefusal(config({}), { NODE_ENV: 'production' })).toContain('production');
  });

  it('refuses to start beyond loopback on the embedded or a weak HS256 secret, saying what to set', () => {
    expect(startupRefusals(config({}), {})).toEqual([]);
    const embedded = startupRefusals(config({ HOST: '0.0.0.0', SURVEY_LINK_SECRET: surveyStrong }), {});
    expect(embedded).toHaveLength(1);
    expect(embedded[0]).toMatch(/embedded HS256 secret.*JWT_JWKS_URL.*JWT_SECRET/);
    expect(startupRefusals(config({ HOST: '0.0.0.0', JWT_SECRET: 'x'.repeat(48) }), {})[0]).toContain('JWT_SECRET is weak');
    expect(startupRefusals(config({ HOST: '0.0.0.0', JWT_SECRET: strong, JWT_PREVIOUS_SECRETS: 'y'.repeat(40) }), {})[0]).toContain('JWT_PREVIOUS_SECRETS');
    expect(startupRefusals(config({ HOST: '0.0.0.0', JWT_SECRET: strong, SURVEY_LINK_SECRET: surveyStrong }), {})).toEqual([]);
    expect(startupRefusals(config({ HOST: '10.0.0.5', JWT_JWKS_URL: 'https://idp.bank.example/jwks.json', SURVEY_LINK_SECRET: surveyStrong }), {})).toEqual([]);
  });

  it('refuses to start beyond loopback when customers\' survey links would be signed with the embedded or a weak secret', () => {
    const idp = { HOST: '10.0.0.5', JWT_JWKS_URL: 'https://idp.bank.example/jwks.json' };
    expect(startupRefusals(config({}), {})).toEqual([]);
    const embedded = startupRefusals(config(idp), {});
    expect(embedded).toHaveLength(1);
    expect(embedded[0]).toMatch(/survey links.*embedded secret.*SURVEY_LINK_SECRET/);
    expect(startupRefusals(config({ ...idp, SURVEY_LINK_SECRET: 'x'.repeat(48) }), {})[0]).toContain('SURVEY_LINK_SECRET is weak');
  });

  it('refuses DEV_SIGNIN=1 where the sign-in may not exist', () => {
    expect(startupRefusals(config({ DEV_SIGNIN: '1' }), {})).toEqual([]);
    expect(startupRefusals(config({ DEV_SIGNIN: '1' }), { NODE_ENV: 'production' })[0]).toMatch(/DEV_SIGNIN=1.*production.*unset DEV_SIGNIN/);
    expect(startupRefusals(config({ DEV_SIGNIN: '1', HOST: '0.0.0.0', JWT_SECRET: strong }), {})[0]).toContain('DEV_SIGNIN=1');
  });
});

describe('TRUST_PROXY', () => {
  it('is a hop count or a list of addresses and CIDRs, and nothing else', () => {
    expect(config({}).TRUST_PROXY).toBeUndefined();
    expect(config({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(config({ TRUST_PROXY: '10.0.0.0/8, ::1, loopback' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '::1', 'loopback']);
    for (const bad of ['true', '10.0.0.0/33', 'proxy.internal', '1.2.3.4/8/9']) expect(() => config({ TRUST_PROXY: bad }), bad).toThrow('TRUST_PROXY');
  });
});
