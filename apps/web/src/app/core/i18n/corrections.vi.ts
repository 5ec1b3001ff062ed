/** Screen texts for corrections with history (issue 10). */
export const correctionsVi = {
  'correction.edit': 'Sửa',
  'correction.history': 'Lịch sử sửa',
  'correction.hideHistory': 'Ẩn lịch sử sửa',
  'correction.none': 'Chưa có lần sửa nào.',
  'correction.save': 'Lưu bản sửa',
  'correction.cancel': 'Huỷ',
  'correction.saved': 'Đã lưu bản sửa; bản trước được giữ trong lịch sử.',
  'correction.entry': '{name} sửa lúc {at}',
  'correction.reasonLabel': 'Lý do sửa',
  'correction.previous': 'Trước khi sửa:',
  'correction.hint':
    'Bản trước, người sửa, thời điểm và lý do được giữ lại; chỉ nhóm phụ trách hồ sơ xem được.',
  'field.correctionReason': 'Lý do sửa',
  'error.nothing_changed': 'Không có gì thay đổi để sửa.',
  'auditAction.case_note.correct': 'Sửa ghi chú',
  'auditAction.case_correction.read': 'Xem lịch sử sửa',
};
