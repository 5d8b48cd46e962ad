// The console's URLs. Everything under /console loads lazily; the diner side never links here.
const segment = encodeURIComponent;

export const consolePaths = {
  home: () => '/console',
  signIn: (next?: string) => (next ? `/console/sign-in?next=${segment(next)}` : '/console/sign-in'),
  invite: (token: string) => `/console/invite/${segment(token)}`,
  resetRequest: () => '/console/reset',
  reset: (token: string) => `/console/reset/${segment(token)}`,
  restaurants: () => '/console/restaurants',
  audit: () => '/console/audit',
  /** Every restaurant's figures together (admins). */
  insights: () => '/console/insights',
  /** The question library (admins). */
  questions: (query = '') => (query ? `/console/questions?${query}` : '/console/questions'),
  newQuestion: () => '/console/questions/new',
  question: (id: number) => `/console/questions/${id}`,
  tables: (slug: string) => `/console/restaurants/${segment(slug)}`,
  managers: (slug: string) => `/console/restaurants/${segment(slug)}/managers`,
  settings: (slug: string) => `/console/restaurants/${segment(slug)}/settings`,
  restaurantInsights: (slug: string) => `/console/restaurants/${segment(slug)}/insights`,
};

/**
 * Where to go after signing in. Only a console path is accepted, so a crafted sign-in link cannot send
 * someone to another site, and never the sign-in screen itself.
 */
export function nextAfterSignIn(raw: string | null): string {
  if (!raw || !/^\/console(\/|$)/.test(raw) || raw.startsWith(consolePaths.signIn())) return consolePaths.home();
  return raw;
}
