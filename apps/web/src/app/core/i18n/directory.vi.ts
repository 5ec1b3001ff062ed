/** Screen texts for the directory screens: the service directory, its admin fields and the response times. */
export const directoryVi = {
  'nav.directory': 'Danh bạ dịch vụ',
  'nav.referralsReceived': 'Chuyển gửi đến',
  'nav.responseTimes': 'Thời hạn phản hồi',

  'field.coversWholeProvince': 'Phục vụ toàn tỉnh/thành phố',
  'field.coverageCommuneCodes': 'Xã/phường phục vụ',
  'field.open24h': 'Hoạt động 24/7',
  'field.openingHours': 'Giờ làm việc',
  'field.capacityNote': 'Ghi chú về khả năng tiếp nhận',
  'field.acceptingReferrals': 'Đang nhận chuyển gửi',
  'field.coversCommune': 'Xã/phường được phục vụ',
  'field.hours': 'Số giờ',

  'error.required_unless_24h': '{field} là bắt buộc, trừ khi cơ quan hoạt động 24/7.',

  'agencies.directorySection': 'Thông tin trong danh bạ dịch vụ',
  'agencies.coverageHint': 'Chọn các xã/phường mà cơ quan nhận phục vụ.',
  'agencies.openingHoursHint': 'Ví dụ: Thứ Hai – Thứ Sáu, 7:30–17:00',
  'agencies.capacityHint': 'Ví dụ: 12 chỗ tạm lánh, còn trống 3 chỗ',
  'agencies.acceptingHint': 'Tắt khi cơ quan tạm thời không thể nhận thêm trường hợp.',
  'agencies.filterAccepting': 'Nhận chuyển gửi',
  'agencies.acceptingYes': 'Đang nhận',
  'agencies.acceptingNo': 'Tạm ngừng nhận',

  'directory.title': 'Danh bạ dịch vụ',
  'directory.hint':
    'Tra cứu cơ quan, tổ chức cung cấp dịch vụ hỗ trợ theo loại cơ quan, dịch vụ và địa bàn phục vụ.',
  'directory.service': 'Dịch vụ',
  'directory.commune': 'Phục vụ xã/phường',
  'directory.acceptingOnly': 'Chỉ hiện nơi đang nhận chuyển gửi',
  'directory.search': 'Tìm theo tên cơ quan',
  'directory.empty': 'Không tìm thấy cơ quan nào phù hợp.',
  'directory.coverage': 'Địa bàn phục vụ',
  'directory.hours': 'Giờ làm việc',
  'directory.capacity': 'Khả năng tiếp nhận',
  'directory.accepting': 'Nhận chuyển gửi',
  'directory.wholeProvince': 'Toàn tỉnh/thành phố',
  'directory.noCoverage': 'Chưa khai báo địa bàn',
  'directory.moreCommunes': '{names} và {count} xã/phường khác',
  'directory.open24h': 'Hoạt động 24/7',
  'directory.noHours': 'Chưa có giờ làm việc',
  'directory.acceptingYes': 'Đang nhận chuyển gửi',
  'directory.acceptingNo': 'Tạm ngừng nhận chuyển gửi',

  'responseTimes.title': 'Thời hạn phản hồi chuyển gửi',
  'responseTimes.hint':
    'Số giờ mà cơ quan tiếp nhận phải phản hồi một yêu cầu chuyển gửi, theo loại cơ quan và mức độ khẩn cấp. Nhập số nguyên từ {min} đến {max} giờ.',
  'responseTimes.default': 'Mặc định: {hours} giờ',
  'responseTimes.cellLabel': '{type} – {urgency}: số giờ',
  'responseTimes.unit': 'giờ',
};
