// A real OpenID Connect provider (npm oidc-provider) for the staff sign-in tests.
//
// Started by tests/portal/test_staff_sign_in.py on a free port with one confidential client.
// Its users live in memory; the tests add, change and remove them through /test-admin/users/
// (bearer ADMIN_TOKEN). Sign-in is its own small HTML form: the account name, no password.
// Prints "ready" on stdout once it listens.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';

import Provider, { interactionPolicy } from 'oidc-provider';

const { PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, POST_LOGOUT_REDIRECT_URI, ADMIN_TOKEN } =
  process.env;
const issuer = `http://127.0.0.1:${PORT}`;
const users = new Map(); // sub -> { name, given_name, family_name, email, groups }

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' };

// A session whose account was removed needs a new sign-in: with prompt=none (the portal's
// silent renewal) that is the error login_required.
const policy = interactionPolicy.base();
policy.get('login').checks.add(
  new interactionPolicy.Check('account_removed', 'The account no longer exists', (ctx) =>
    ctx.oidc.session.accountId && !users.has(ctx.oidc.session.accountId)
      ? interactionPolicy.Check.REQUEST_PROMPT
      : interactionPolicy.Check.NO_NEED_TO_PROMPT,
  ),
);

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [REDIRECT_URI],
      post_logout_redirect_uris: [POST_LOGOUT_REDIRECT_URI],
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: ['test-provider-cookie-key'] },
  scopes: ['openid', 'email', 'profile', 'groups'],
  claims: {
    openid: ['sub'],
    email: ['email'],
    profile: ['name', 'given_name', 'family_name'],
    groups: ['groups'],
  },
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  interactions: { policy, url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  // A removed user is no account: the provider refuses their codes and tokens from then on.
  async findAccount(ctx, sub) {
    if (!users.has(sub)) return undefined;
    return { accountId: sub, claims: async () => ({ sub, ...users.get(sub) }) };
  },
  // The portal is the municipality's own client: no consent screen.
  async loadExistingGrant(ctx) {
    const grantId =
      ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile groups');
    await grant.save();
    return grant;
  },
});

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function signInPage(res, uid, error = '') {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!DOCTYPE html><html lang="sv"><title>Kommunens inloggning</title>
<main><h1>Kommunens inloggning</h1>${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label>Användarnamn <input name="login" autocomplete="username"></label>
<button type="submit">Logga in</button></form></main></html>`);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid || details.prompt.name !== 'login') {
    res.writeHead(400).end(`unexpected prompt ${details.prompt.name}`);
  } else if (req.method === 'GET' && !action) {
    signInPage(res, uid);
  } else if (req.method === 'POST' && action === 'login') {
    const login = new URLSearchParams(await readBody(req)).get('login') ?? '';
    if (!users.has(login)) {
      signInPage(res, uid, 'Okänt konto');
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: login } },
      { mergeWithLastSubmission: false },
    );
  } else {
    res.writeHead(405).end();
  }
}

async function admin(req, res, sub) {
  if (req.headers.authorization !== `Bearer ${ADMIN_TOKEN}`) {
    res.writeHead(403).end();
  } else if (req.method === 'PUT') {
    users.set(sub, JSON.parse(await readBody(req)));
    res.writeHead(204).end();
  } else if (req.method === 'DELETE') {
    users.delete(sub);
    res.writeHead(204).end();
  } else {
    res.writeHead(405).end();
  }
}

provider.on('server_error', (ctx, error) => console.error(error));

const providerHandler = provider.callback();
createServer(async (req, res) => {
  const { pathname } = new URL(req.url, issuer);
  const interactionPath = pathname.match(/^\/interaction\/([^/]+)(?:\/(login))?$/);
  const adminPath = pathname.match(/^\/test-admin\/users\/([^/]+)$/);
  try {
    if (interactionPath) await interaction(req, res, interactionPath[1], interactionPath[2]);
    else if (adminPath) await admin(req, res, decodeURIComponent(adminPath[1]));
    else providerHandler(req, res);
  } catch (error) {
    console.error(error);
    if (!res.headersSent) res.writeHead(500);
    res.end(String(error));
  }
}).listen(Number(PORT), '127.0.0.1', () => console.log('ready'));
