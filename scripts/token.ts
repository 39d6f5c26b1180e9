import { parseArgs } from 'node:util';
import { signToken } from '../api/auth/tokens.js';
import { loadConfig } from '../config/config.js';
import { jwtSecret } from '../config/secrets.js';

/**
 * `npm run token -- --sub <id> --roles <r1,r2> [--name <n>] [--department <d>] [--expires 12h]`
 * prints a development JWT alone on stdout, signed with the server's HS256 key.
 */
const { values } = parseArgs({
  options: {
    sub: { type: 'string' },
    roles: { type: 'string', default: '' },
    name: { type: 'string' },
    department: { type: 'string' },
    expires: { type: 'string', default: '12h' },
  },
});
if (!values.sub) {
  process.stderr.write('usage: npm run token -- --sub <id> --roles <r1,r2> [--name <n>] [--department <d>] [--expires 12h]\n');
  process.exit(2);
}
const config = loadConfig();
if (config.JWT_JWKS_URL) {
  process.stderr.write('JWT_JWKS_URL is set: tokens come from your identity provider, not from this command\n');
  process.exit(2);
}
const token = await signToken(
  {
    userId: values.sub,
    name: values.name ?? values.sub,
    roles: values.roles.split(',').map((r) => r.trim()).filter(Boolean),
    department: values.department,
  },
  { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, secret: jwtSecret(config), expiresIn: values.expires },
);
process.stdout.write(token + '\n');
