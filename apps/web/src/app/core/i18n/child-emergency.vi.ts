/** Screen texts for the child emergency (issue 11; Luật Trẻ em 2016, Nghị định 56/2017/NĐ-CP). */
export const childEmergencyVi = {
  'childEmergency.title': 'Trẻ em cần can thiệp khẩn cấp',
  'childEmergency.intro':
    'Trẻ em bị xâm hại hoặc có nguy cơ bị xâm hại nghiêm trọng phải được áp dụng biện pháp can thiệp khẩn cấp trong 12 giờ kể từ khi nhận được thông tin (tính cả đêm, ngày nghỉ, ngày lễ) và có kế hoạch hỗ trợ, can thiệp trong 5 ngày làm việc.',
  'childEmergency.mark': 'Xác định trẻ đang gặp nguy hiểm nghiêm trọng',
  'childEmergency.markHint':
    'Khi xác nhận, thời hạn 12 giờ bắt đầu ngay và trưởng nhóm được báo nếu hết hạn mà chưa ghi biện pháp can thiệp.',
  'childEmergency.markSave': 'Bắt đầu thời hạn 12 giờ',
  'childEmergency.marked': 'Đã bắt đầu thời hạn can thiệp khẩn cấp.',
  'childEmergency.cancel': 'Huỷ',
  'childEmergency.open': 'Đang chờ can thiệp',
  'childEmergency.done': 'Đã can thiệp',
  'childEmergency.startedAt': 'Nhận thông tin lúc {at}',
  'childEmergency.source.assessment': 'Theo đánh giá nguy cơ (mức cao)',
  'childEmergency.source.caseworker': 'Cán bộ quản lý ca xác định',
  'childEmergency.source.hotline': 'Từ cuộc gọi tổng đài',
  'childEmergency.markedBy': 'Người xác định: {name}',
  'childEmergency.record': 'Ghi biện pháp can thiệp',
  'childEmergency.recordSave': 'Lưu biện pháp can thiệp',
  'childEmergency.recorded': 'Đã ghi biện pháp can thiệp.',
  'childEmergency.intervention': '{measure}, lúc {at}',
  'childEmergency.recordedBy': 'Ghi bởi {name}, {at}',
  'childEmergency.supportPlanHint':
    'Kế hoạch hỗ trợ, can thiệp của trẻ là kế hoạch hỗ trợ của hồ sơ: gửi trưởng nhóm duyệt một phiên bản là đạt thời hạn 5 ngày làm việc.',
  'childEmergency.measure.medical_care': 'Chăm sóc y tế, trị liệu tâm lý',
  'childEmergency.measure.safe_place':
    'Bố trí nơi tạm trú an toàn, cách ly trẻ khỏi môi trường, đối tượng xâm hại',
  'childEmergency.measure.alternative_care': 'Bố trí chăm sóc thay thế tạm thời',
  'childEmergency.measure.police_protection': 'Đề nghị công an can thiệp, bảo vệ trẻ',
  'childEmergency.measure.other': 'Biện pháp khác',
  'childEmergency.callTitle': 'Trẻ em đang gặp nguy hiểm:',
  'childEmergency.callHint':
    'phải can thiệp khẩn cấp trong 12 giờ kể từ cuộc gọi này. Chuyển ngay cho trung tâm công tác xã hội; hồ sơ mở từ cuộc gọi sẽ tính thời hạn từ lúc bắt đầu cuộc gọi.',
  'childEmergency.badge': 'Trẻ em nguy hiểm · 12 giờ',
  'field.measure': 'Biện pháp can thiệp',
  'field.takenAt': 'Thời điểm can thiệp',
  'field.emergency': 'Trường hợp khẩn cấp',
  'error.not_a_child':
    'Người bị bạo lực không phải trẻ em (dưới 16 tuổi): không áp dụng thời hạn can thiệp khẩn cấp cho trẻ em.',
  'error.already_open': 'Hồ sơ đang có một trường hợp khẩn cấp chờ can thiệp.',
  'error.already_intervened': 'Biện pháp can thiệp đã được ghi (có thể người khác vừa ghi).',
  'error.before_start': '{field} phải sau lúc nhận thông tin.',
  'error.required': '{field} là bắt buộc.',
  'deadlineKind.child_emergency': 'Can thiệp khẩn cấp cho trẻ em (12 giờ)',
  'deadlineKind.child_support_plan': 'Kế hoạch hỗ trợ, can thiệp cho trẻ em',
  'deadlineKindText.child_emergency': 'can thiệp khẩn cấp cho trẻ em',
  'deadlineKindText.child_support_plan': 'kế hoạch hỗ trợ, can thiệp cho trẻ em',
  'deadline.stage.child_emergency.reminder_halfway': 'Nhắc cán bộ phụ trách khi còn 6 giờ',
  'notification.deadline.reminder.child_emergency':
    'Khẩn: trẻ em trong hồ sơ {code} chưa được ghi biện pháp can thiệp, hạn {due}',
  'notification.deadline.escalation.child_emergency':
    'Cảnh báo: quá 12 giờ mà trẻ em trong hồ sơ {code} chưa được can thiệp khẩn cấp, hạn {due}',
  'notification.deadline.reminder.child_support_plan':
    'Nhắc: hồ sơ {code} cần kế hoạch hỗ trợ, can thiệp cho trẻ em, hạn {due}',
  'notification.deadline.escalation.child_support_plan':
    'Cảnh báo: hồ sơ {code} quá hạn 5 ngày làm việc mà chưa có kế hoạch hỗ trợ, can thiệp cho trẻ em, hạn {due}',
  'auditAction.child_emergency.read': 'Xem trường hợp khẩn cấp của trẻ em',
  'auditAction.child_emergency.start': 'Bắt đầu thời hạn can thiệp khẩn cấp cho trẻ em',
  'auditAction.child_emergency.intervene': 'Ghi biện pháp can thiệp khẩn cấp cho trẻ em',
};
