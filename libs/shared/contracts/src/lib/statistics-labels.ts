import type { PeriodNode } from '@caunoi/shared/domain';

/**
 * The words of the statistics and their coded categories, in Vietnamese and English, shared by the
 * screen (apps/web i18n) and the API's XLSX and PDF exports so both say the same thing.
 */
export const statisticsVocabularyVi = {
  'periodicReportStatus.draft': 'Dự thảo',
  'periodicReportStatus.approved': 'Đã phê duyệt',
  'periodicReportStatus.submitted': 'Đã nộp',
  'periodicReportStatus.acknowledged': 'Tỉnh đã nhận',
  'periodicReportKind.half_year': 'Báo cáo 6 tháng',
  'periodicReportKind.annual': 'Báo cáo năm',
  'periodicReportKind.provincial_annual': 'Báo cáo năm gửi tỉnh',
  'periodicReportKind.consolidated': 'Báo cáo tổng hợp số liệu',
  'periodicReportKind.action_month': 'Kết quả Tháng hành động',
  'stats.export.title': 'Số liệu thống kê',
  'stats.byCommune': 'Theo xã, phường, đặc khu',
  'stats.export.generatedAt': 'Lập lúc {at} (giờ Việt Nam)',
  'stats.export.areaLine': 'Địa bàn: {name}',
  'stats.export.code': 'Mã',
  'stats.export.numerator': 'Tử số',
  'stats.export.denominator': 'Mẫu số',
  'stats.export.period': 'Kỳ',
  'stats.export.months': 'Từ tháng {from} đến tháng {to}',
  'stats.export.reportTitle': '{kind} năm {year}: {centre}',
  'stats.export.dueOn': 'Hạn nộp: {date}',
  'stats.export.status': 'Trạng thái: {status}',
  'stats.export.narrative': 'Phần thuyết minh',
  'stats.export.noNarrative': '(Không có phần thuyết minh)',
  'stats.export.trendSheet': 'Xu hướng',
  'sex.female': 'Nữ',
  'sex.male': 'Nam',
  'sex.other': 'Khác',
  'sex.unknown': 'Không rõ',
  'ageGroup.0_6': '0–6 tuổi',
  'ageGroup.7_11': '7–11 tuổi',
  'ageGroup.12_15': '12–15 tuổi',
  'ageGroup.16_17': '16–17 tuổi',
  'ageGroup.18_24': '18–24 tuổi',
  'ageGroup.25_59': '25–59 tuổi',
  'ageGroup.60_plus': 'Từ 60 tuổi',
  'ageGroup.unknown': 'Không rõ tuổi',
  'gbvType.rape': 'Hiếp dâm',
  'gbvType.sexual_assault': 'Tấn công tình dục',
  'gbvType.physical_assault': 'Bạo lực thể chất',
  'gbvType.forced_marriage': 'Cưỡng ép kết hôn',
  'gbvType.denial_of_resources': 'Từ chối quyền tiếp cận nguồn lực, cơ hội, dịch vụ',
  'gbvType.psychological_abuse': 'Bạo lực tinh thần, cảm xúc',
  'gbvType.non_gbv': 'Không phải bạo lực trên cơ sở giới',
  'dvForm.psychological': 'Tinh thần',
  'dvForm.physical': 'Thân thể',
  'dvForm.sexual': 'Tình dục',
  'dvForm.economic': 'Kinh tế',
  'contextFlag.domestic_violence': 'Bạo lực gia đình',
  'contextFlag.intimate_partner_violence': 'Bạo lực do bạn đời',
  'contextFlag.child_sexual_abuse': 'Xâm hại tình dục trẻ em',
  'contextFlag.early_marriage': 'Tảo hôn',
  'contextFlag.trafficking': 'Mua bán người',
  'contextFlag.sexual_exploitation': 'Bóc lột tình dục',
  'yesNoUnknown.yes': 'Có',
  'yesNoUnknown.no': 'Không',
  'yesNoUnknown.unknown': 'Không rõ',
  'stats.legend':
    '«<5»: số bị ẩn: nhỏ hơn 5, hoặc được ẩn cùng để không thể suy ra một số nhỏ hơn 5 từ các tổng.',
  'stats.scope.centre': 'Phạm vi: {name}',
  'stats.scope.province': 'Phạm vi: các trung tâm báo cáo về {name}',
  'stats.area.all': 'Toàn phạm vi',
  'stats.label.year': 'Năm {year}',
  'stats.label.half1': '6 tháng đầu năm {year}',
  'stats.label.half2': '6 tháng cuối năm {year}',
  'stats.label.quarter': 'Quý {n}/{year}',
  'stats.label.month': 'Tháng {n}/{year}',
  'stats.indicators': 'Chỉ số',
  'stats.trend': 'Xu hướng theo tháng',
  'stats.month.column': 'Tháng',
  'stats.share': 'Tỷ lệ',
  'stats.noShare': 'Không tính được',
  'stats.category': 'Nhóm',
  'stats.count': 'Số lượng',
  'stats.total': 'Tổng',
  'stats.population.cases': 'Ca tiếp nhận',
  'stats.population.referrals': 'Chuyển gửi',
  'stats.population.incident_reports': 'Báo cáo vụ việc nghiêm trọng (10 ngày)',
  'stats.indicator.sought_help': 'Người bị bạo lực tìm kiếm hỗ trợ',
  'stats.indicator.help_received': 'Ca cần hỗ trợ đã nhận ít nhất một dịch vụ',
  'stats.indicator.referrals_on_time': 'Chuyển gửi được phản hồi đúng hạn',
  'stats.indicator.incident_reports_on_time': 'Báo cáo 10 ngày nộp đúng hạn',
  'stats.table.sex': 'Giới tính',
  'stats.table.channel': 'Kênh tiếp cận',
  'stats.table.channel_sex': 'Kênh tiếp cận × giới tính',
  'stats.table.age_group': 'Nhóm tuổi',
  'stats.table.gbv_type': 'Loại bạo lực (GBVIMS)',
  'stats.table.relationship': 'Quan hệ với người gây bạo lực',
  'stats.table.disability': 'Người khuyết tật',
  'stats.table.ethnic_minority': 'Người dân tộc thiểu số',
  'stats.table.help': 'Nhận hỗ trợ',
  'stats.table.dv_form': 'Hình thức bạo lực gia đình',
  'stats.table.context': 'Bối cảnh',
  'stats.table.response': 'Phản hồi chuyển gửi',
  'stats.table.sector': 'Ngành tiếp nhận',
  'stats.table.timeliness': 'Thời hạn báo cáo',
  'stats.cat.channel.hotline': 'Đường dây nóng',
  'stats.cat.channel.walk_in': 'Trực tiếp đến',
  'stats.cat.channel.volunteer': 'Tình nguyện viên (địa chỉ tin cậy)',
  'stats.cat.channel.agency': 'Cơ quan khác chuyển đến',
  'stats.cat.age_group.child_under_16': 'Trẻ em dưới 16 tuổi',
  'stats.cat.gbv_type.not_recorded': 'Chưa ghi nhận vụ việc',
  'stats.cat.relationship.family': 'Thành viên gia đình',
  'stats.cat.relationship.non_family': 'Không phải gia đình',
  'stats.cat.relationship.unknown': 'Không rõ',
  'stats.cat.help.received': 'Đã nhận dịch vụ',
  'stats.cat.help.not_received': 'Chưa nhận dịch vụ',
  'stats.cat.help.not_needed': 'Không thuộc diện (không phải bạo lực giới)',
  'stats.cat.response.on_time': 'Đúng hạn',
  'stats.cat.response.late': 'Quá hạn',
  'stats.cat.response.overdue': 'Chưa phản hồi, đã quá hạn',
  'stats.cat.response.pending': 'Đang chờ, còn hạn',
  'stats.cat.response.withdrawn_unanswered': 'Rút lại trước khi phản hồi',
  'stats.cat.sector.police': 'Công an',
  'stats.cat.sector.health': 'Y tế',
  'stats.cat.sector.legal_aid': 'Tư pháp, trợ giúp pháp lý',
  'stats.cat.sector.social_work': 'Công tác xã hội',
  'stats.cat.sector.other': 'Khác',
  'stats.cat.timeliness.on_time': 'Nộp đúng hạn',
  'stats.cat.timeliness.late': 'Nộp muộn',
  'stats.cat.timeliness.overdue': 'Chưa nộp, đã quá hạn',
  'stats.cat.timeliness.pending': 'Chưa nộp, còn hạn',
};

export type StatisticsVocabularyKey = keyof typeof statisticsVocabularyVi;

export const statisticsVocabularyEn: Readonly<Record<StatisticsVocabularyKey, string>> = {
  'periodicReportStatus.draft': 'Draft',
  'periodicReportStatus.approved': 'Approved',
  'periodicReportStatus.submitted': 'Submitted',
  'periodicReportStatus.acknowledged': 'Received by the province',
  'periodicReportKind.half_year': '6-month report',
  'periodicReportKind.annual': 'Annual report',
  'periodicReportKind.provincial_annual': 'Annual report to the province',
  'periodicReportKind.consolidated': 'Consolidated statistics',
  'periodicReportKind.action_month': 'Action month results',
  'stats.export.title': 'Statistics',
  'stats.byCommune': 'By commune',
  'stats.export.generatedAt': 'Produced {at} (Vietnam time)',
  'stats.export.areaLine': 'Area: {name}',
  'stats.export.code': 'Code',
  'stats.export.numerator': 'Numerator',
  'stats.export.denominator': 'Denominator',
  'stats.export.period': 'Period',
  'stats.export.months': 'Months {from} to {to}',
  'stats.export.reportTitle': '{kind} {year}: {centre}',
  'stats.export.dueOn': 'Due by {date}',
  'stats.export.status': 'Status: {status}',
  'stats.export.narrative': 'Narrative',
  'stats.export.noNarrative': '(No narrative)',
  'stats.export.trendSheet': 'Trend',
  'sex.female': 'Female',
  'sex.male': 'Male',
  'sex.other': 'Other',
  'sex.unknown': 'Unknown',
  'ageGroup.0_6': '0–6 years',
  'ageGroup.7_11': '7–11 years',
  'ageGroup.12_15': '12–15 years',
  'ageGroup.16_17': '16–17 years',
  'ageGroup.18_24': '18–24 years',
  'ageGroup.25_59': '25–59 years',
  'ageGroup.60_plus': '60 years or older',
  'ageGroup.unknown': 'Age unknown',
  'gbvType.rape': 'Rape',
  'gbvType.sexual_assault': 'Sexual assault',
  'gbvType.physical_assault': 'Physical assault',
  'gbvType.forced_marriage': 'Forced marriage',
  'gbvType.denial_of_resources': 'Denial of resources, opportunities or services',
  'gbvType.psychological_abuse': 'Psychological or emotional abuse',
  'gbvType.non_gbv': 'Not gender-based violence',
  'dvForm.psychological': 'Psychological',
  'dvForm.physical': 'Physical',
  'dvForm.sexual': 'Sexual',
  'dvForm.economic': 'Economic',
  'contextFlag.domestic_violence': 'Domestic violence',
  'contextFlag.intimate_partner_violence': 'Intimate partner violence',
  'contextFlag.child_sexual_abuse': 'Child sexual abuse',
  'contextFlag.early_marriage': 'Early marriage',
  'contextFlag.trafficking': 'Trafficking',
  'contextFlag.sexual_exploitation': 'Sexual exploitation',
  'yesNoUnknown.yes': 'Yes',
  'yesNoUnknown.no': 'No',
  'yesNoUnknown.unknown': 'Unknown',
  'stats.legend':
    '"<5": a hidden number: under 5, or hidden with one so that a number under 5 cannot be worked out from the totals.',
  'stats.scope.centre': 'Scope: {name}',
  'stats.scope.province': 'Scope: the centres reporting to {name}',
  'stats.area.all': 'Whole scope',
  'stats.label.year': 'Year {year}',
  'stats.label.half1': 'First half of {year}',
  'stats.label.half2': 'Second half of {year}',
  'stats.label.quarter': 'Q{n} {year}',
  'stats.label.month': '{n}/{year}',
  'stats.indicators': 'Indicators',
  'stats.trend': 'Trend by month',
  'stats.month.column': 'Month',
  'stats.share': 'Share',
  'stats.noShare': 'Not available',
  'stats.category': 'Category',
  'stats.count': 'Count',
  'stats.total': 'Total',
  'stats.population.cases': 'Cases opened',
  'stats.population.referrals': 'Referrals',
  'stats.population.incident_reports': 'Serious-incident reports (10 days)',
  'stats.indicator.sought_help': 'Survivors who sought help',
  'stats.indicator.help_received': 'Cases needing help that received at least one service',
  'stats.indicator.referrals_on_time': 'Referrals answered within their response time',
  'stats.indicator.incident_reports_on_time': '10-day reports submitted on time',
  'stats.table.sex': 'Sex',
  'stats.table.channel': 'Channel',
  'stats.table.channel_sex': 'Channel × sex',
  'stats.table.age_group': 'Age group',
  'stats.table.gbv_type': 'Type of violence (GBVIMS)',
  'stats.table.relationship': 'Relationship to the perpetrator',
  'stats.table.disability': 'Person with a disability',
  'stats.table.ethnic_minority': 'Ethnic minority',
  'stats.table.help': 'Help received',
  'stats.table.dv_form': 'Forms of domestic violence',
  'stats.table.context': 'Context',
  'stats.table.response': 'Referral answers',
  'stats.table.sector': 'Receiving sector',
  'stats.table.timeliness': 'Report timeliness',
  'stats.cat.channel.hotline': 'Hotline',
  'stats.cat.channel.walk_in': 'Walk-in',
  'stats.cat.channel.volunteer': 'Volunteer (trusted address)',
  'stats.cat.channel.agency': 'Referred by another agency',
  'stats.cat.age_group.child_under_16': 'Child under 16',
  'stats.cat.gbv_type.not_recorded': 'No incident recorded yet',
  'stats.cat.relationship.family': 'Family member',
  'stats.cat.relationship.non_family': 'Not family',
  'stats.cat.relationship.unknown': 'Unknown',
  'stats.cat.help.received': 'Received a service',
  'stats.cat.help.not_received': 'No service yet',
  'stats.cat.help.not_needed': 'Not applicable (not GBV)',
  'stats.cat.response.on_time': 'On time',
  'stats.cat.response.late': 'Late',
  'stats.cat.response.overdue': 'Unanswered, overdue',
  'stats.cat.response.pending': 'Pending, within time',
  'stats.cat.response.withdrawn_unanswered': 'Withdrawn before an answer',
  'stats.cat.sector.police': 'Police',
  'stats.cat.sector.health': 'Health',
  'stats.cat.sector.legal_aid': 'Justice, legal aid',
  'stats.cat.sector.social_work': 'Social work',
  'stats.cat.sector.other': 'Other',
  'stats.cat.timeliness.on_time': 'Submitted on time',
  'stats.cat.timeliness.late': 'Submitted late',
  'stats.cat.timeliness.overdue': 'Not submitted, overdue',
  'stats.cat.timeliness.pending': 'Not submitted, within time',
};

/** The translation key of a category of a statistics table, reusing the intake vocabulary's. */
export function categoryKey(table: string, category: string): string {
  switch (table) {
    case 'sex':
      return `sex.${category}`;
    case 'age_group':
      return category === 'child_under_16'
        ? 'stats.cat.age_group.child_under_16'
        : `ageGroup.${category}`;
    case 'gbv_type':
      return category === 'not_recorded'
        ? 'stats.cat.gbv_type.not_recorded'
        : `gbvType.${category}`;
    case 'dv_form':
      return `dvForm.${category}`;
    case 'context':
      return `contextFlag.${category}`;
    case 'disability':
    case 'ethnic_minority':
      return `yesNoUnknown.${category}`;
    default:
      return `stats.cat.${table}.${category}`;
  }
}

/** The translation key of a table's title. */
export const tableKey = (table: string): string => `stats.table.${table}`;

/** `YYYY-MM` → `MM/YYYY`, the Vietnamese way of writing a month. */
export function monthLabel(yearMonth: string): string {
  const [year, month] = yearMonth.split('-');
  return `${month}/${year}`;
}

/** A block's own name: a month, a quarter, a half or a year. */
export function periodLabel(
  year: number,
  node: PeriodNode,
): { key: string; params: Record<string, string> } {
  if (node === 'Y') return { key: 'stats.label.year', params: { year: String(year) } };
  if (node.startsWith('H'))
    return { key: `stats.label.half${node.slice(1)}`, params: { year: String(year) } };
  if (node.startsWith('Q'))
    return { key: 'stats.label.quarter', params: { n: node.slice(1), year: String(year) } };
  return { key: 'stats.label.month', params: { n: node.slice(1), year: String(year) } };
}
