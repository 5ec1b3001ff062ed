import type { accountsVi } from './accounts.vi';

export const accountsEn: Readonly<Record<keyof typeof accountsVi, string>> = {
  'nav.approvals': 'Account approvals',

  'status.noPassword': 'No password yet',
  'status.awaitingPassword': 'Waiting for a password (one-time code)',
  'status.pending.create_account': 'Creation awaits approval',
  'status.pending.change_grant': 'Role/agency change awaits approval',
  'status.pending.enable_account': 'Enabling awaits approval',
  'status.pending.reset_password': 'Password reset awaits approval',
  'status.pending.reset_second_factor': 'Two-step verification reset awaits approval',

  'users.createInfo':
    'A new account has no password. Once another admin or a supervisor of the agency approves it, the approver receives a one-time code to hand to the account holder in person; the holder sets a password on the “Set your password” page.',
  'users.editInfo':
    'The display name changes at once. A new role or agency takes effect only once another person approves it; until then the account keeps what it has.',
  'users.ownAccountHint': 'You cannot change your own role or agency.',
  'users.grantRequested': 'Saved. The new role or agency takes effect once approved.',
  'users.pendingChanges': 'Requests awaiting approval',
  'users.toApprovals': 'See the approvals page',

  'approvals.title': 'Account change approvals',
  'approvals.intro':
    'Two-person rule: creating an account, changing its role or agency, enabling it and resetting its password take effect only when another person with authority approves — another admin, or a supervisor of the agency the account works for. Nobody approves their own request or a change to their own account.',
  'approvals.status': 'Status',
  'approvals.status.pending': 'Awaiting approval',
  'approvals.status.approved': 'Approved',
  'approvals.status.rejected': 'Rejected',
  'approvals.kind.create_account': 'Create an account',
  'approvals.kind.change_grant': 'Change role or agency',
  'approvals.kind.enable_account': 'Enable an account',
  'approvals.kind.reset_password': 'Reset the password',
  'approvals.kind.reset_second_factor': 'Reset two-step verification',
  'approvals.current': 'Now: {role}, {agency}',
  'approvals.grant': 'Once approved: {role}, {agency}',
  'approvals.holds': 'Role: {role}, {agency}',
  'approvals.requestedBy': 'Requested by {name}, {at}',
  'approvals.decidedBy': '{status} by {name}, {at}',
  'approvals.reason': 'Reason: {reason}',
  'approvals.approve': 'Approve',
  'approvals.reject': 'Reject',
  'approvals.withdraw': 'Withdraw the request',
  'approvals.empty': 'No requests.',
  'approvals.approved': 'The request was approved.',
  'approvals.rejectedDone': 'The request was rejected.',
  'approvals.confirmApprove': 'Approve “{kind}” for the account {username}?',
  'approvals.cannot.own_request': 'You made this request: another person must approve it.',
  'approvals.cannot.own_account': 'This request is about your own account: someone else decides.',
  'approvals.cannot.admin_grant': 'Only another admin approves granting the admin role.',
  'approvals.cannot.other_agency': 'This request belongs to another agency.',
  'approvals.cannot.not_an_approver': 'Your role does not approve account changes.',
  'approvals.cannot.not_pending': 'This request has already been decided.',
  'approvals.rejectTitle': 'Reject “{kind}” for the account {username}',
  'approvals.withdrawTitle': 'Withdraw the request “{kind}” for the account {username}',
  'approvals.rejectHint':
    'The reason is kept; the requester and the account holder will see it. Write nothing about a survivor.',

  'oneTimeCode.title': 'One-time code for {username}',
  'oneTimeCode.shownOnce':
    'This code is shown only now and is not stored in readable form. Write it down and hand it to the account holder yourself (in person, or by calling a number you know). The system sends no email yet.',
  'oneTimeCode.expires': 'It expires at {at}, and is void after {max} wrong tries.',
  'oneTimeCode.howTo':
    'The holder opens the “Set your password” page ({path}), enters their username, this code and a new password, then signs in.',
  'oneTimeCode.done': 'I have written the code down',

  'setPassword.title': 'Set your password with a one-time code',
  'setPassword.intro':
    'Use the code you received in person from whoever approved your account (a new account, or after a password reset). The code works once and expires.',
  'setPassword.codeHint': 'Like ABCD-EFGH-JKMN-PQRS; upper or lower case does not matter.',
  'setPassword.submit': 'Set password',
  'setPassword.done': 'Your password is set. Sign in with it now.',
  'setPassword.toLogin': 'Go to sign-in',
  'setPassword.back': 'Back to sign-in',
  'login.haveCode': 'Have a one-time code? Set your password',
  'field.oneTimeCode': 'One-time code',

  'accountNotice.requested': 'Awaiting approval — {kind}: account {username} ({role}).',
  'accountNotice.approved': 'Approved — {kind}: account {username}.',
  'accountNotice.rejected': 'Rejected — {kind}: account {username}.',

  'error.own_account':
    'Nobody changes the role, agency or status of their own account, nor resets its password here.',
  'error.change_pending': 'A request of this kind already awaits approval for this account.',
  'error.creation_pending': 'The account itself still awaits approval: decide that request first.',
  'error.own_request': 'You cannot approve your own request: another person must.',
  'error.not_pending': 'This request has already been decided.',
  'error.not_an_approver': 'Only an admin or a supervisor of the agency decides account changes.',
  'error.other_agency': "A supervisor decides their own centre's accounts only.",
  'error.admin_grant': 'Only another admin approves granting the admin role.',
  'error.invalid_one_time_code':
    'The code does not match this username, was used, has expired or was voided after too many wrong tries. Ask the approver for a new code.',
};
