import { TestBed } from '@angular/core/testing';
import type { ReferralEventView } from '@caunoi/shared/contracts';
import { TranslationService } from '../../core/i18n/translation.service';
import { codeLabel, eventReasonText, sectorOutcomeLines } from './referral-labels';

describe('referral labels', () => {
  let translation: TranslationService;

  beforeEach(() => {
    localStorage.clear();
    translation = TestBed.inject(TranslationService);
  });

  const reason = (event: ReferralEventView['event'], code: string | null): string | null =>
    eventReasonText(translation, { event, reason: code });

  describe('codeLabel', () => {
    it('translates a code under its prefix, or gives the code back when unknown', () => {
      expect(codeLabel(translation, 'declineReason', 'outside_area')).toBe(
        'Ngoài địa bàn phụ trách',
      );
      expect(codeLabel(translation, 'declineReason', 'made_up')).toBe('made_up');
    });
  });

  describe('eventReasonText', () => {
    it('is null for an event without a reason', () => {
      expect(reason('accepted', null)).toBeNull();
      expect(reason('declined', '')).toBeNull();
    });

    it('reads decline, withdraw and override reasons in their own vocabulary', () => {
      expect(reason('declined', 'outside_area')).toBe('Ngoài địa bàn phụ trách');
      expect(reason('withdrawn', 'survivor_request')).toBe('Theo yêu cầu của người bị bạo lực');
      expect(reason('withdrawn', 'rerouted')).toBe('Đã chuyển sang cơ quan khác');
      expect(reason('sent', 'threat_to_life')).toBe('Đe dọa đến tính mạng');
      expect(reason('override_reviewed', 'legal_obligation')).toBe(
        'Nghĩa vụ theo quy định pháp luật',
      );
      // `other` is a code of several vocabularies: the event's own one decides.
      expect(reason('declined', 'other')).toBe('Lý do khác');
      expect(reason('service_recorded', 'other')).toBe('Khác');
    });

    it('names the service a service_recorded event recorded', () => {
      expect(reason('service_recorded', 'police_protection')).toBe('Bảo vệ của công an');
      expect(reason('service_recorded', 'legal_aid')).toBe('Trợ giúp pháp lý');
      translation.use('en');
      expect(reason('service_recorded', 'police_protection')).toBe('Police protection');
    });

    it('shows a rerouted event’s reason, the new referral’s code, as it is', () => {
      expect(reason('rerouted', 'CG-2026-000003')).toBe('CG-2026-000003');
      // Never looked up, even where the text happens to be a code of some vocabulary.
      expect(reason('rerouted', 'other')).toBe('other');
    });

    it('labels a response_overdue stage as the respond-by clock does', () => {
      expect(reason('response_overdue', 'reminder_halfway')).toBe(
        'Nhắc cơ quan nhận khi đã qua một nửa thời hạn',
      );
      expect(reason('response_overdue', 'escalation_due')).toBe(
        'Cảnh báo cơ quan nhận khi hết hạn mà chưa phản hồi',
      );
      expect(reason('response_overdue', 'sender_notice_due')).toBe(
        'Báo người chuyển gửi để chuyển sang cơ quan khác',
      );
    });

    it('gives an unknown code back as it is', () => {
      expect(reason('declined', 'made_up')).toBe('made_up');
      expect(reason('service_recorded', 'made_up')).toBe('made_up');
    });
  });

  describe('sectorOutcomeLines', () => {
    it('labels each field: yes/no for a flag, the value’s own label for a code', () => {
      expect(
        sectorOutcomeLines(translation, {
          reportRegistered: true,
          summonsToCommunePolice: false,
          noContactOrder: 'requested',
          courtStage: 'appeal',
        }),
      ).toEqual([
        { field: 'reportRegistered', label: 'Đã tiếp nhận, đăng ký tin báo', value: 'Có' },
        {
          field: 'summonsToCommunePolice',
          label: 'Triệu tập lên công an xã/phường',
          value: 'Không',
        },
        { field: 'noContactOrder', label: 'Biện pháp cấm tiếp xúc', value: 'Đã đề nghị' },
        { field: 'courtStage', label: 'Giai đoạn tố tụng', value: 'Phúc thẩm' },
      ]);
    });

    it('shows a field or value it has no label for as it is', () => {
      expect(sectorOutcomeLines(translation, { newField: 'some_value' })).toEqual([
        { field: 'newField', label: 'newField', value: 'some_value' },
      ]);
      expect(sectorOutcomeLines(translation, {})).toEqual([]);
    });
  });
});
