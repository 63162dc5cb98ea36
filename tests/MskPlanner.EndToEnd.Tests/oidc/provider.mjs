// A real OpenID provider for the sign-in tests: panva's certified oidc-provider, on a loopback port, with one
// confidential client (the app) and any user the login form names. Its development login page takes any login;
// the tests sign in as alice and bob, whose names, e-mail addresses and groups come from the table below.
//
//   node provider.mjs <port> <app base address, e.g. http://127.0.0.1:5123>
import Provider from "oidc-provider";

const [port, app] = process.argv.slice(2);
const people = {
  alice: { name: "Alice Archer", email: "alice@example.com", groups: ["payments"] },
  bob: { name: "Bob Baker", email: "bob@example.com", groups: ["sre", "on-call"] },
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: "mskplanner",
      client_secret: "mskplanner-test-secret",
      redirect_uris: [`${app}/signin-oidc`],
      post_logout_redirect_uris: [`${app}/signout-callback-oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
    },
  ],
  // "groups" as a scope of its own, as Keycloak and Okta release it.
  claims: { openid: ["sub"], profile: ["name"], email: ["email", "email_verified"], groups: ["groups"] },
  pkce: { required: () => true },
  cookies: { keys: ["mskplanner-test-cookie-key"] },
  async findAccount(_, id) {
    const person = people[id] ?? { name: id, email: `${id}@example.com`, groups: [] };
    return { accountId: id, claims: async () => ({ sub: id, ...person, email_verified: true }) };
  },
  // The app is first-party: no consent screen, as a company's provider is set up for its own tools.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid profile email groups");
    await grant.save();
    return grant;
  },
});

provider.listen(Number(port), "127.0.0.1", () => console.log(`provider listening on ${provider.issuer}`));
