/** Screen texts for statistics (issue 12) and the coded intake facts they count. */
export const statisticsVi = {
  'nav.statistics': 'Thống kê',

  'field.disabilityStatus': 'Người khuyết tật',
  'field.ethnicMinority': 'Người dân tộc thiểu số',

  'stats.title': 'Thống kê',
  'stats.hint':
    'Số liệu tổng hợp, không có thông tin nhận dạng. Số nhỏ hơn 5 và các số có thể dùng để suy ra chúng được ẩn.',
  'stats.period': 'Kỳ',
  'stats.period.month': 'Tháng',
  'stats.period.quarter': 'Quý',
  'stats.period.half': '6 tháng',
  'stats.period.year': 'Năm',
  'stats.period.range': 'Khoảng thời gian',
  'stats.year': 'Năm',
  'stats.month': 'Tháng',
  'stats.quarter': 'Quý',
  'stats.half': 'Nửa năm',
  'stats.half.1': '6 tháng đầu năm',
  'stats.half.2': '6 tháng cuối năm',
  'stats.from': 'Từ tháng',
  'stats.to': 'Đến tháng',
  'stats.area': 'Địa bàn',
  'stats.show': 'Xem',
  'stats.export': 'Tải CSV',
  'stats.showTable': 'Xem dạng bảng',
  'stats.showChart': 'Xem biểu đồ',
  'stats.charts': 'Biểu đồ',
  'stats.exportXlsx': 'Tải Excel (XLSX)',
  'stats.exportPdf': 'Tải PDF',
  'stats.block': 'Từ {from} đến {to}',
  'stats.rangeNote':
    'Một khoảng thời gian được trình bày theo các kỳ trọn vẹn (tháng, quý, 6 tháng, năm), không cộng dồn.',
  'stats.error': 'Không tải được số liệu thống kê.',
  'stats.empty': 'Chưa có số liệu.',
  'stats.target': 'Mục tiêu {target}',
  'stats.channelBySex': 'Kênh tiếp cận × giới tính',

  'field.exportPassword': 'Mật khẩu cho tệp',
  'export.passwordHint':
    'Không bắt buộc; nếu đặt, ít nhất {min} ký tự. Tệp Excel và PDF chỉ mở được bằng mật khẩu này; báo mật khẩu cho người nhận qua một kênh khác. Tệp CSV không đặt được mật khẩu.',
  'error.not_for_csv': 'Tệp CSV không đặt được mật khẩu: hãy chọn Excel hoặc PDF.',
  'error.unsupported_characters':
    '{field} có ký tự mà tệp có mật khẩu không dùng được (biểu tượng cảm xúc, ký tự điều khiển).',
};
