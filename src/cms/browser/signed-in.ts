/**
 * The token the editor signed in to the git host with: Sveltia CMS 0.221 keeps the signed-in user
 * in this browser's localStorage under "sveltia-cms.user" ({ backendName, token, … }, see its
 * services/user/account.svelte.js), and sends it itself with every request to the host.
 */
export function signedInToken(): string | undefined {
  try {
    const user = JSON.parse(localStorage.getItem('sveltia-cms.user') ?? 'null') as { token?: unknown } | null;
    return typeof user?.token === 'string' && user.token ? user.token : undefined;
  } catch {
    return undefined;
  }
}
