/** Screen texts for the referral case screens. */
export const referralCaseVi = {
  'caseFile.tab.referrals': 'Chuyển gửi',
  'caseFile.tab.timeline': 'Dòng thời gian',
  'caseFile.refer': 'Chuyển gửi',
  'caseFile.referralsSent': 'Đã gửi {count} yêu cầu chuyển gửi.',

  'caseReferrals.empty': 'Hồ sơ chưa có chuyển gửi nào.',
  'caseReferrals.code': 'Mã chuyển gửi {code}',
  'caseReferrals.sent': 'Gửi lúc {at}, người gửi: {name}',
  'caseReferrals.respondBy': 'Hạn phản hồi',
  'caseReferrals.responseOverdue': 'Quá hạn phản hồi',
  'caseReferrals.respondedAt': 'Cơ quan phản hồi lúc {at}',
  'caseReferrals.onTime': 'đúng hạn',
  'caseReferrals.late': 'trễ hạn',
  'caseReferrals.services': 'Dịch vụ đề nghị',
  'caseReferrals.packet': 'Thông tin được chia sẻ',
  'caseReferrals.reason': 'Lý do chuyển gửi',
  'caseReferrals.override': 'Chuyển gửi không cần sự đồng ý',
  'caseReferrals.overrideReason': 'Căn cứ',
  'caseReferrals.justification': 'Giải trình',
  'caseReferrals.overrideReviewed': 'Trưởng nhóm {name} đã xem xét lúc {at}.',
  'caseReferrals.overridePending': 'Đang chờ trưởng nhóm xem xét.',
  'caseReferrals.review': 'Đã xem xét',
  'caseReferrals.reviewDone': 'Đã ghi nhận việc xem xét chuyển gửi không cần sự đồng ý.',
  'caseReferrals.declineReason': 'Lý do từ chối',
  'caseReferrals.withdrawReason': 'Lý do rút lại',
  'caseReferrals.reroutedFrom': 'Chuyển tiếp từ chuyển gửi {code}',
  'caseReferrals.serviceRecords': 'Dịch vụ đã cung cấp',
  'caseReferrals.recordedBy': 'Ghi nhận bởi {name} ({agency}) lúc {at}',
  'caseReferrals.withdraw': 'Rút lại',
  'caseReferrals.reroute': 'Chuyển sang cơ quan khác',
  'caseReferrals.rerouteOverdue':
    'Cơ quan chưa phản hồi trong thời hạn. Có thể chuyển ngay sang cơ quan khác.',
  'caseReferrals.rerouteDeclined': 'Cơ quan đã từ chối. Có thể chuyển sang cơ quan khác.',
  'caseReferrals.withdrawn': 'Đã rút lại chuyển gửi.',
  'caseReferrals.rerouted': 'Đã chuyển sang cơ quan khác.',

  'refer.urgentReason': 'Đánh giá nguy cơ mới nhất ở mức cao: đề nghị hỗ trợ khẩn cấp.',
  'refer.title': 'Chuyển gửi đến cơ quan hỗ trợ',
  'refer.intro':
    'Có thể chuyển gửi đến nhiều cơ quan cùng lúc (ví dụ công an và cơ sở y tế). Các yêu cầu được gửi đồng thời; nếu một yêu cầu có lỗi thì chưa yêu cầu nào được gửi.',
  'refer.row': 'Cơ quan thứ {n}',
  'refer.addRow': 'Thêm cơ quan khác',
  'refer.removeRow': 'Bỏ cơ quan này',
  'refer.submit': 'Gửi chuyển gửi',
  'refer.reasonHint':
    'Cơ quan nhận sẽ đọc nội dung này. Chỉ ghi những thông tin thuộc các nhóm được chia sẻ; không bao giờ ghi nội dung tư vấn.',
  'refer.packetHint':
    'Chỉ chọn những nhóm thông tin cơ quan này thực sự cần. Ghi chú tư vấn không bao giờ được chia sẻ.',

  'agencyPicker.search': 'Tìm trong danh bạ dịch vụ',
  'agencyPicker.searchHint':
    'Chỉ gồm các cơ quan đang nhận chuyển gửi và phục vụ xã/phường nơi người bị bạo lực sinh sống.',
  'agencyPicker.noCommune':
    'Chưa rõ xã/phường của người bị bạo lực: danh sách gồm mọi cơ quan đang nhận chuyển gửi trong danh bạ.',
  'agencyPicker.none': 'Không tìm thấy cơ quan phù hợp trong danh bạ.',
  'agencyPicker.suggested': 'gợi ý',
  'agencyPicker.open24h': 'Làm việc 24/7',
  'agencyPicker.hours': 'Giờ làm việc: {hours}',
  'agencyPicker.phone': 'Điện thoại: {phone}',
  'agencyPicker.capacity': 'Khả năng tiếp nhận: {note}',

  'consentCheck.covered':
    'Sự đồng ý của người bị bạo lực cho phép chia sẻ các thông tin đã chọn với {type}.',
  'consentCheck.noConsent': 'Chưa có sự đồng ý nào cho phép chia sẻ thông tin với {type}.',
  'consentCheck.missing': 'Sự đồng ý chưa bao gồm: {categories}.',
  'override.title': 'Chuyển gửi không cần sự đồng ý',
  'override.intro':
    'Chỉ được chuyển gửi khi không có sự đồng ý trong các trường hợp dưới đây. Hãy chọn căn cứ và giải trình cụ thể.',
  'override.warning':
    'Trưởng nhóm sẽ được thông báo ngay và xem xét lại việc chuyển gửi này. Việc chuyển gửi được ghi vào nhật ký.',

  'withdrawReferral.title': 'Rút lại chuyển gửi',
  'withdrawReferral.hint':
    'Sau khi rút lại, {agency} không còn xem được thông tin đã chia sẻ; các dịch vụ cơ quan đã ghi nhận vẫn được giữ.',

  'reroute.title': 'Chuyển sang cơ quan khác',
  'reroute.fromSent':
    'Chuyển gửi đến {agency} sẽ được rút lại. Một chuyển gửi mới với cùng dịch vụ, mức độ khẩn cấp, lý do và thông tin được chia sẻ sẽ gửi đến cơ quan bạn chọn.',
  'reroute.fromDeclined':
    'Chuyển gửi đến {agency} vẫn giữ trạng thái từ chối. Một chuyển gửi mới với cùng dịch vụ, mức độ khẩn cấp, lý do và thông tin được chia sẻ sẽ gửi đến cơ quan bạn chọn.',
  'reroute.submit': 'Chuyển',

  'timeline.hint': 'Mọi sự kiện của các chuyển gửi trong hồ sơ, mới nhất ở trên cùng.',
  'timeline.empty': 'Chưa có sự kiện nào.',
  'timeline.system': 'Hệ thống',

  'deadline.stage.referral_response.reminder_halfway':
    'Nhắc cơ quan nhận khi đã qua một nửa thời hạn',
  'deadline.stage.referral_response.escalation_due':
    'Cảnh báo cơ quan nhận khi hết hạn mà chưa phản hồi',
  'deadline.stage.referral_response.sender_notice_due':
    'Báo người chuyển gửi để chuyển sang cơ quan khác',

  'field.agencyType': 'Loại cơ quan',
  'field.urgency': 'Mức độ khẩn cấp',
  'field.packet': 'Thông tin được chia sẻ',
  'field.justification': 'Giải trình',
  'field.referrals': 'Danh sách cơ quan chuyển gửi',
  'field.note': 'Ghi chú',

  'error.consent_missing':
    'Sự đồng ý của người bị bạo lực chưa bao gồm một số nhóm thông tin đã chọn. Hãy bỏ bớt nhóm thông tin hoặc chọn căn cứ chuyển gửi không cần sự đồng ý.',
  'error.no_consent_for_agency_type':
    'Chưa có sự đồng ý nào cho phép chia sẻ thông tin với loại cơ quan này. Hãy ghi nhận sự đồng ý hoặc chọn căn cứ chuyển gửi không cần sự đồng ý.',
  'error.not_referable':
    'Không thể chuyển gửi đến cơ quan này: cơ quan đã ngừng hoạt động, đang tạm ngừng nhận chuyển gửi, là chính cơ quan của bạn, hoặc thuộc loại cơ quan không nhận chuyển gửi trên hệ thống.',
  'error.referral_invalid_transition':
    'Không thể thực hiện thao tác này với chuyển gửi ở trạng thái hiện tại (cơ quan nhận có thể vừa phản hồi). Hãy tải lại trang để xem trạng thái mới nhất.',
  'error.override_not_needed':
    'Sự đồng ý đã bao gồm việc chuyển gửi này nên không cần căn cứ chuyển gửi không cần sự đồng ý.',
  'error.duplicate_agency': 'Cơ quan này đã được chọn ở một dòng khác.',
  'error.already_referred': 'Hồ sơ đang có một chuyển gửi chưa kết thúc đến cơ quan này.',
  'error.required_for_other': '{field} là bắt buộc khi chọn lý do khác.',
  'error.justification_too_short': '{field} phải có ít nhất 20 ký tự.',
};
