/** The two-person rule on accounts: approvals, one-time codes and the "set your password" page. */
export const accountsVi = {
  'nav.approvals': 'Phê duyệt tài khoản',

  'status.noPassword': 'Chưa có mật khẩu',
  'status.awaitingPassword': 'Chờ đặt mật khẩu bằng mã',
  'status.pending.create_account': 'Chờ phê duyệt tạo tài khoản',
  'status.pending.change_grant': 'Chờ phê duyệt đổi vai trò/cơ quan',
  'status.pending.enable_account': 'Chờ phê duyệt kích hoạt lại',
  'status.pending.reset_password': 'Chờ phê duyệt đặt lại mật khẩu',
  'status.pending.reset_second_factor': 'Chờ phê duyệt đặt lại xác thực hai lớp',

  'users.createInfo':
    'Tài khoản mới chưa có mật khẩu. Sau khi một quản trị viên khác hoặc trưởng nhóm của cơ quan phê duyệt, người phê duyệt nhận một mã dùng một lần để trao tận tay chủ tài khoản; chủ tài khoản tự đặt mật khẩu ở trang “Đặt mật khẩu”.',
  'users.editInfo':
    'Tên hiển thị được đổi ngay. Vai trò hoặc cơ quan mới chỉ có hiệu lực sau khi một người khác phê duyệt; đến lúc đó tài khoản giữ quyền cũ.',
  'users.ownAccountHint': 'Bạn không thể tự đổi vai trò hoặc cơ quan của chính mình.',
  'users.grantRequested': 'Đã lưu. Vai trò hoặc cơ quan mới sẽ có hiệu lực sau khi được phê duyệt.',
  'users.pendingChanges': 'Yêu cầu đang chờ phê duyệt',
  'users.toApprovals': 'Xem ở trang phê duyệt',

  'approvals.title': 'Phê duyệt thay đổi tài khoản',
  'approvals.intro':
    'Quy tắc hai người: tạo tài khoản, đổi vai trò hoặc cơ quan, kích hoạt lại và đặt lại mật khẩu chỉ có hiệu lực khi một người khác có thẩm quyền phê duyệt — một quản trị viên khác, hoặc trưởng nhóm của cơ quan nơi tài khoản làm việc. Không ai phê duyệt yêu cầu của chính mình hay thay đổi về chính tài khoản mình.',
  'approvals.status': 'Trạng thái',
  'approvals.status.pending': 'Chờ phê duyệt',
  'approvals.status.approved': 'Đã phê duyệt',
  'approvals.status.rejected': 'Đã từ chối',
  'approvals.kind.create_account': 'Tạo tài khoản',
  'approvals.kind.change_grant': 'Đổi vai trò hoặc cơ quan',
  'approvals.kind.enable_account': 'Kích hoạt lại tài khoản',
  'approvals.kind.reset_password': 'Đặt lại mật khẩu',
  'approvals.kind.reset_second_factor': 'Đặt lại xác thực hai lớp',
  'approvals.current': 'Hiện tại: {role}, {agency}',
  'approvals.grant': 'Sau khi phê duyệt: {role}, {agency}',
  'approvals.holds': 'Vai trò: {role}, {agency}',
  'approvals.requestedBy': 'Yêu cầu bởi {name}, {at}',
  'approvals.decidedBy': '{status} bởi {name}, {at}',
  'approvals.reason': 'Lý do: {reason}',
  'approvals.approve': 'Phê duyệt',
  'approvals.reject': 'Từ chối',
  'approvals.withdraw': 'Rút lại yêu cầu',
  'approvals.empty': 'Không có yêu cầu nào.',
  'approvals.approved': 'Đã phê duyệt yêu cầu.',
  'approvals.rejectedDone': 'Đã từ chối yêu cầu.',
  'approvals.confirmApprove': 'Phê duyệt “{kind}” cho tài khoản {username}?',
  'approvals.cannot.own_request': 'Bạn đã gửi yêu cầu này: cần một người khác phê duyệt.',
  'approvals.cannot.own_account':
    'Yêu cầu này về chính tài khoản của bạn: người khác sẽ quyết định.',
  'approvals.cannot.admin_grant':
    'Chỉ một quản trị viên khác mới phê duyệt việc cấp vai trò quản trị.',
  'approvals.cannot.other_agency': 'Yêu cầu này thuộc một cơ quan khác.',
  'approvals.cannot.not_an_approver': 'Vai trò của bạn không phê duyệt thay đổi tài khoản.',
  'approvals.cannot.not_pending': 'Yêu cầu này đã được quyết định.',
  'approvals.rejectTitle': 'Từ chối “{kind}” cho tài khoản {username}',
  'approvals.withdrawTitle': 'Rút lại yêu cầu “{kind}” cho tài khoản {username}',
  'approvals.rejectHint':
    'Lý do được lưu lại; người yêu cầu và chủ tài khoản sẽ thấy. Không ghi thông tin về người bị bạo lực.',

  'oneTimeCode.title': 'Mã dùng một lần cho {username}',
  'oneTimeCode.shownOnce':
    'Mã này chỉ hiện một lần và không được lưu ở dạng đọc được. Hãy ghi lại và trao tận tay chủ tài khoản (gặp trực tiếp hoặc gọi điện đến số đã biết). Hệ thống chưa gửi email.',
  'oneTimeCode.expires': 'Hết hạn lúc {at}. Mã bị hủy sau {max} lần nhập sai.',
  'oneTimeCode.howTo':
    'Chủ tài khoản mở trang “Đặt mật khẩu” ({path}), nhập tên đăng nhập, mã này và mật khẩu mới, rồi đăng nhập.',
  'oneTimeCode.done': 'Tôi đã ghi lại mã',

  'setPassword.title': 'Đặt mật khẩu bằng mã dùng một lần',
  'setPassword.intro':
    'Dùng mã bạn nhận trực tiếp từ người phê duyệt tài khoản (tài khoản mới, hoặc sau khi mật khẩu được đặt lại). Mã chỉ dùng được một lần và có thời hạn.',
  'setPassword.codeHint': 'Dạng ABCD-EFGH-JKMN-PQRS; không phân biệt chữ hoa, chữ thường.',
  'setPassword.submit': 'Đặt mật khẩu',
  'setPassword.done': 'Đã đặt mật khẩu. Hãy đăng nhập bằng mật khẩu mới.',
  'setPassword.toLogin': 'Đến trang đăng nhập',
  'setPassword.back': 'Quay lại đăng nhập',
  'login.haveCode': 'Có mã dùng một lần? Đặt mật khẩu',
  'field.oneTimeCode': 'Mã dùng một lần',

  'accountNotice.requested': 'Yêu cầu chờ phê duyệt — {kind}: tài khoản {username} ({role}).',
  'accountNotice.approved': 'Đã phê duyệt — {kind}: tài khoản {username}.',
  'accountNotice.rejected': 'Đã từ chối — {kind}: tài khoản {username}.',

  'error.own_account':
    'Không ai được tự đổi vai trò, cơ quan, trạng thái hay tự đặt lại mật khẩu của chính tài khoản mình.',
  'error.change_pending': 'Tài khoản này đã có một yêu cầu cùng loại đang chờ phê duyệt.',
  'error.creation_pending':
    'Tài khoản này còn đang chờ phê duyệt việc tạo: hãy quyết định yêu cầu đó trước.',
  'error.own_request': 'Bạn không thể tự phê duyệt yêu cầu của chính mình: cần một người khác.',
  'error.not_pending': 'Yêu cầu này đã được quyết định.',
  'error.not_an_approver':
    'Chỉ quản trị viên hoặc trưởng nhóm của cơ quan mới quyết định thay đổi tài khoản.',
  'error.other_agency': 'Trưởng nhóm chỉ quyết định tài khoản của trung tâm mình.',
  'error.admin_grant': 'Chỉ một quản trị viên khác mới phê duyệt việc cấp vai trò quản trị.',
  'error.invalid_one_time_code':
    'Mã không đúng với tên đăng nhập này, đã được dùng, đã hết hạn hoặc đã bị hủy vì nhập sai nhiều lần. Hãy nhờ người phê duyệt cấp mã mới.',
};
