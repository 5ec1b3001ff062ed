/** Screen texts for the referral inbox screens. */
export const referralInboxVi = {
  'referralInbox.tab.open': 'Đang mở',
  'referralInbox.tab.closed': 'Đã đóng',
  'referralInbox.section.actionNeeded': 'Cần xử lý',
  'referralInbox.section.actionNeededHint':
    'Chuyển gửi đang chờ cơ quan bạn trả lời; hạn phản hồi gần nhất ở trên cùng.',
  'referralInbox.section.inProgress': 'Đang thực hiện',
  'referralInbox.section.closedHint':
    'Chuyển gửi đã hoàn thành, đã từ chối hoặc đã rút lại. Thông tin về người bị bạo lực không còn hiển thị.',
  'referralInbox.empty.actionNeeded': 'Không có chuyển gửi nào cần xử lý.',
  'referralInbox.empty.inProgress': 'Không có chuyển gửi nào đang thực hiện.',
  'referralInbox.empty.closed': 'Chưa có chuyển gửi nào đã đóng.',
  'referralInbox.col.code': 'Mã chuyển gửi',
  'referralInbox.col.from': 'Cơ quan gửi',
  'referralInbox.col.urgency': 'Mức độ khẩn cấp',
  'referralInbox.col.services': 'Dịch vụ đề nghị',
  'referralInbox.col.left': 'Thời gian còn lại để phản hồi',
  'referralInbox.col.packet': 'Thông tin được chia sẻ',
  'referralInbox.col.status': 'Trạng thái',
  'referralInbox.col.sentAt': 'Thời điểm gửi',
  'referralInbox.serviceRecordsLink': 'Hồ sơ dịch vụ',

  'referralInbox.detailTitle': 'Chuyển gửi',
  'referralInbox.heading': 'Chuyển gửi',
  'referralInbox.respondBy': 'Hạn phản hồi',
  'referralInbox.overdue': 'Quá hạn phản hồi',
  'referralInbox.from': 'Cơ quan gửi',
  'referralInbox.fromPhone': 'Điện thoại cơ quan gửi',
  'referralInbox.referredBy': 'Cán bộ chuyển gửi',
  'referralInbox.sentAt': 'Thời điểm gửi',
  'referralInbox.services': 'Dịch vụ đề nghị',
  'referralInbox.reason': 'Lý do chuyển gửi',
  'referralInbox.declineReason': 'Lý do từ chối',
  'referralInbox.withdrawReason': 'Lý do rút lại',
  'referralInbox.packet': 'Thông tin được chia sẻ',
  'referralInbox.packetHint':
    'Người bị bạo lực chỉ đồng ý chia sẻ các thông tin dưới đây với cơ quan bạn. Không chuyển tiếp các thông tin này cho người khác.',
  'referralInbox.packetEmpty': 'Chuyển gửi này không kèm thông tin nào về người bị bạo lực.',
  'referralInbox.incident': 'Vụ việc {n}',
  'referralInbox.noIncidents': 'Hồ sơ chưa ghi nhận vụ việc nào.',
  'referralInbox.closedBanner':
    'Chuyển gửi đã kết thúc ({status}). Cơ quan bạn không còn quyền xem lý do chuyển gửi và thông tin về người bị bạo lực; chỉ còn lưu các hồ sơ dịch vụ do cơ quan bạn ghi nhận.',
  'referralInbox.timeline': 'Diễn biến',
  'referralInbox.timelineEmpty': 'Chưa có diễn biến nào.',
  'referralInbox.system': 'Hệ thống',
  'referralInbox.serviceRecords': 'Dịch vụ đã cung cấp',
  'referralInbox.serviceRecordsEmpty': 'Chưa ghi nhận dịch vụ nào.',
  'referralInbox.recordedBy': 'Ghi nhận bởi {name} lúc {at}',
  'referralInbox.forReferral': 'Chuyển gửi {code}',

  'referralInbox.accept': 'Tiếp nhận',
  'referralInbox.decline': 'Từ chối',
  'referralInbox.recordService': 'Ghi nhận dịch vụ',
  'referralInbox.complete': 'Hoàn thành',
  'referralInbox.acceptConfirm':
    'Tiếp nhận chuyển gửi {code}? Cơ quan gửi sẽ được thông báo và cơ quan bạn chịu trách nhiệm cung cấp các dịch vụ được đề nghị.',
  'referralInbox.accepted': 'Đã tiếp nhận chuyển gửi.',
  'referralInbox.declined': 'Đã từ chối chuyển gửi.',
  'referralInbox.serviceRecorded': 'Đã ghi nhận dịch vụ.',
  'referralInbox.completed': 'Đã hoàn thành chuyển gửi.',
  'referralInbox.recordBeforeComplete':
    'Cần ghi nhận ít nhất một dịch vụ trước khi hoàn thành chuyển gửi.',
  'referralInbox.invalidTransition':
    'Không thể thực hiện thao tác này vì trạng thái chuyển gửi đã thay đổi (có thể cơ quan gửi đã rút lại hoặc chuyển gửi đã được xử lý). Thông tin mới nhất đã được tải lại.',

  'referralInbox.declineTitle': 'Từ chối chuyển gửi {code}',
  'referralInbox.declineHint':
    'Cơ quan gửi sẽ nhận được lý do từ chối để chuyển sang cơ quan khác. Không ghi thông tin định danh của người bị bạo lực.',
  'referralInbox.noteRequiredForOther': 'Bắt buộc khi chọn "Lý do khác".',

  'referralInbox.recordTitle': 'Ghi nhận dịch vụ cho chuyển gửi {code}',
  'referralInbox.recordHint':
    'Chỉ ghi việc đã làm và kết quả. Không ghi nội dung tư vấn hay thông tin định danh.',
  'referralInbox.requestedServices': 'Dịch vụ được đề nghị',
  'referralInbox.otherServices': 'Dịch vụ khác',
  'referralInbox.sectorFields': 'Kết quả theo lĩnh vực',
  'referralInbox.notDetermined': 'Chưa xác định',

  'referralInbox.completeTitle': 'Hoàn thành chuyển gửi {code}',
  'referralInbox.completeHint':
    'Sau khi hoàn thành, cơ quan bạn không còn xem được thông tin về người bị bạo lực; các hồ sơ dịch vụ đã ghi nhận vẫn được lưu.',

  'referralInbox.records.title': 'Hồ sơ dịch vụ',
  'referralInbox.records.hint':
    'Các dịch vụ cơ quan bạn đã cung cấp, được lưu cả sau khi chuyển gửi kết thúc.',
  'referralInbox.records.empty': 'Chưa có hồ sơ dịch vụ nào.',

  'referralNotice.received': 'Cơ quan bạn nhận chuyển gửi mới {code} (mức độ: {urgency}).',
  'referralNotice.accepted': '{agency} đã tiếp nhận chuyển gửi {code}.',
  'referralNotice.declined': '{agency} đã từ chối chuyển gửi {code}. Lý do: {reason}.',
  'referralNotice.serviceRecorded': '{agency} đã ghi nhận dịch vụ cho chuyển gửi {code}.',
  'referralNotice.serviceRecordedWhat':
    '{agency} đã ghi nhận dịch vụ "{service}" cho chuyển gửi {code} (kết quả: {outcome}).',
  'referralNotice.completed': '{agency} đã hoàn thành chuyển gửi {code}.',
  'referralNotice.withdrawn': 'Chuyển gửi {code} đã được rút lại. Lý do: {reason}.',
  'referralNotice.override':
    'Chuyển gửi {code} của hồ sơ {survivorCode} đã được gửi khi chưa có sự đồng ý của người bị bạo lực (lý do: {reason}). Trưởng nhóm cần xem xét.',
  'referralNotice.reminderHalfway': 'Nhắc hạn: chuyển gửi {code} cần được phản hồi trước {due}.',
  'referralNotice.escalationDue': 'Quá hạn: chuyển gửi {code} chưa được phản hồi, hạn {due}.',
  'referralNotice.senderNotice':
    'Chuyển gửi {code} của hồ sơ {survivorCode} chưa được phản hồi đúng hạn ({due}). Có thể chuyển sang cơ quan khác.',
  'referralNotice.senderNoticeNoCase':
    'Chuyển gửi {code} chưa được phản hồi đúng hạn ({due}). Có thể chuyển sang cơ quan khác.',
  'referralNotice.anAgency': 'Cơ quan nhận',

  'field.serviceType': 'Dịch vụ',
  'field.providedOn': 'Ngày cung cấp',
  'field.sectorOutcome': 'Kết quả theo lĩnh vực',

  'error.before_referral': '{field} không được trước ngày gửi chuyển gửi.',
  'error.unknown_field': '{field} không thuộc lĩnh vực của cơ quan bạn.',
  'error.not_boolean': '{field} phải là có hoặc không.',
  'error.not_allowed_value': '{field} có giá trị không hợp lệ.',
  'error.not_an_object': '{field} không hợp lệ.',
};
