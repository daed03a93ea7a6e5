// Who is acting: an email matched against the Team (SPEC §4), for the sidebar and the edit triggers alike.
import type { Member } from '../core/records';
import type { Actor } from '../core/workflow';

/** The actor behind an email: its Team member, or none (a stranger, or an unknown identity when the email is ''). */
export function actorOf(email: string, members: Member[]): Actor {
  return { email, member: members.find((m) => m.email === email) ?? null };
}
