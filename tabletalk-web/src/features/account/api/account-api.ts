// Staff accounts: sign-in and out, who is signed in, invites and password resets.
import { anyBody, consoleRequest } from '@/lib/console/console-api';
import { array, nonEmptyString, object, type Parsed, type Parser, safeParse } from '@/lib/parse';

/** Roles arrive as the service names them (ADMIN, MANAGER, later STAFF); compared in lower case. */
const role: Parser<string> = (input, path) => nonEmptyString(input, path).toLowerCase();

const staffUserParser = object({ email: nonEmptyString, role });
export type StaffUser = Parsed<typeof staffUserParser>;

const restaurantRefParser = object({ slug: nonEmptyString, name: nonEmptyString });
export type RestaurantRef = Parsed<typeof restaurantRefParser>;

const meParser = object({
  user: object({ email: nonEmptyString, role, restaurants: array(restaurantRefParser) }),
});
export type Me = Parsed<typeof meParser>['user'];

const userAnswer = object({ user: staffUserParser });
const parseUser = (json: unknown) => safeParse(userAnswer, json);

export function isAdmin(user: { role: string }): boolean {
  return user.role === 'admin';
}

export async function signIn(email: string, password: string): Promise<StaffUser> {
  const response = await consoleRequest('/sign-in', { method: 'POST', body: { email, password }, parse: parseUser });
  return response.data.user;
}

export async function signOut(): Promise<void> {
  await consoleRequest('/sign-out', { method: 'POST', parse: anyBody });
}

export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  const response = await consoleRequest('/me', { parse: (json) => safeParse(meParser, json), signal });
  return response.data.user;
}

const inviteParser = object({ invite: object({ email: nonEmptyString }) });

/** The email an invite is for; fails with not_found (or 410) when the link is unknown, used or expired. */
export async function checkInvite(token: string, signal?: AbortSignal): Promise<string> {
  const response = await consoleRequest(`/invites/${encodeURIComponent(token)}`, {
    parse: (json) => safeParse(inviteParser, json),
    signal,
  });
  return response.data.invite.email;
}

export async function acceptInvite(token: string, password: string): Promise<StaffUser> {
  const response = await consoleRequest(`/invites/${encodeURIComponent(token)}/accept`, {
    method: 'POST',
    body: { password },
    parse: parseUser,
  });
  return response.data.user;
}

/** Always accepted (202): the answer never tells whether the email has an account. */
export async function requestPasswordReset(email: string): Promise<void> {
  await consoleRequest('/password-resets', { method: 'POST', body: { email }, parse: anyBody });
}

export async function completePasswordReset(token: string, password: string): Promise<StaffUser> {
  const response = await consoleRequest(`/password-resets/${encodeURIComponent(token)}/complete`, {
    method: 'POST',
    body: { password },
    parse: parseUser,
  });
  return response.data.user;
}
