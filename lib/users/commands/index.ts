/*
 * Commands on user accounts. Each validates its input, checks who is asking, and makes its
 * change and the change's audit event in one transaction (lib/commands/transact.ts), so
 * either both exist or neither. None of them puts a password, hash or token into an audit
 * event.
 *
 * Anything that changes what a user may do (role, organisation, status, password) raises the
 * user's session_version in the same transaction: their existing sessions end on their next
 * request (lib/auth/sessions.ts).
 *
 * Admin commands take `options.db`: a transaction to run inside (as a savepoint), so a test
 * can set up a situation — "only one administrator left" — and roll all of it back.
 */

export { changeOrganisation, changeRole, sendPasswordReset, setStatus } from "./admin-changes";
export { inviteUser, resendInvitation } from "./invitations";
export { moveEditors } from "./move-editors";
export { changeOwnPassword, updateOwnName } from "./own-account";
export {
  acceptInvitation,
  requestPasswordReset,
  resetPassword,
  RESET_REQUESTED_MESSAGE,
  RESETS_PER_HOUR,
  tokenProblemMessage,
  type LinkFailure,
} from "./password-reset";
