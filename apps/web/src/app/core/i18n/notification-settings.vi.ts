/** The notification settings page (email by topic, language) and the page an email's link opens. */
export const notificationSettingsVi = {
  'shell.notificationSettings': 'Cài đặt thông báo',
  'notificationSettings.title': 'Cài đặt thông báo',
  'notificationSettings.intro':
    'Mọi thông báo luôn hiện trong ứng dụng (biểu tượng chuông). Bạn có thể nhận thêm qua email những loại thông báo được chọn dưới đây. Email chỉ ghi loại thông báo, một mã tham chiếu và đường dẫn cần đăng nhập, không bao giờ có thông tin về người được hỗ trợ.',
  'notificationSettings.email': 'Địa chỉ email',
  'notificationSettings.noEmail':
    'Tài khoản chưa có địa chỉ email nên chưa nhận được email. Hãy nhờ quản trị viên thêm địa chỉ của bạn.',
  'notificationSettings.emailByAdmin': 'Chỉ quản trị viên thay đổi được địa chỉ này.',
  'notificationSettings.deliveryOff':
    'Hệ thống hiện chưa bật gửi email; các lựa chọn dưới đây sẽ có hiệu lực khi bật.',
  'notificationSettings.language': 'Ngôn ngữ của email',
  'notificationSettings.topics': 'Nhận qua email',
  'notificationSettings.urgent': 'Khẩn',
  'notificationSettings.saved': 'Đã lưu cài đặt thông báo.',
  'notificationSettings.loadFailed': 'Không tải được cài đặt thông báo. Vui lòng thử lại.',
  'emailTopic.emergency_referral': 'Chuyển gửi khẩn cấp đến cơ quan của tôi (trả lời trong 1 giờ)',
  'emailTopic.clock_escalation':
    'Thời hạn đã quá mà chưa hoàn thành (chuyển gửi chưa trả lời, báo cáo vụ việc quá 10 ngày)',
  'emailTopic.hour_clock':
    'Thời hạn 12 giờ (quyết định cấm tiếp xúc, can thiệp khẩn cấp cho trẻ em)',
  'emailTopic.security_alert': 'Cảnh báo an ninh (nhật ký truy cập bị can thiệp)',
  'emailTopic.referral_received': 'Chuyển gửi mới không khẩn cấp đến cơ quan của tôi',
  'emailTopic.referral_update':
    'Cập nhật về chuyển gửi (nhận, từ chối, đã cung cấp dịch vụ, hoàn thành, rút lại)',
  'emailTopic.deadline_reminder': 'Nhắc hạn trước khi đến hạn',
  'emailTopic.duplicate_match': 'Hồ sơ có thể bị trùng',
  'emailTopic.account_change': 'Thay đổi tài khoản cần biết hoặc phê duyệt',
  'emailTopic.other': 'Các thông báo khác',
  'notificationOpen.title': 'Thông báo',
  'notificationOpen.opening': 'Đang mở thông báo…',
  'notificationOpen.notFound':
    'Không tìm thấy thông báo này. Có thể nó dành cho một tài khoản khác: hãy đăng nhập bằng tài khoản đã nhận email.',
  'notificationOpen.noLink': 'Thông báo này không dẫn đến trang nào khác.',
  'oneTimeCode.sentByEmail':
    'Mã cũng đang được gửi đến địa chỉ email của chủ tài khoản (địa chỉ do một người khác người yêu cầu đặt).',
  'notes.saved': 'Đã thêm ghi chú.',
  'unsaved.message': 'Bạn có thay đổi chưa lưu. Rời trang này sẽ mất các thay đổi đó.',
  'unsaved.leave': 'Rời trang, bỏ thay đổi',
  'users.emailHint': 'Để nhận thông báo qua email. Để trống nếu không có.',
} as const;
