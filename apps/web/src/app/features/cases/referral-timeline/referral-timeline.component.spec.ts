import { registerLocaleData } from '@angular/common';
import localeVi from '@angular/common/locales/vi';
import { TestBed } from '@angular/core/testing';
import type { CaseReferralView, ReferralEventView } from '@caunoi/shared/contracts';
import { ReferralTimelineComponent } from './referral-timeline.component';
import { mergeTimeline } from './referral-timeline';

registerLocaleData(localeVi);

function event(
  id: string,
  at: string,
  kind: ReferralEventView['event'],
  extra: Partial<ReferralEventView> = {},
): ReferralEventView {
  return {
    id,
    at,
    event: kind,
    actorName: 'Nguyễn Thị Lan',
    actorAgencyName: 'Trung tâm CTXH Đà Nẵng',
    reason: null,
    note: null,
    ...extra,
  };
}

function referral(id: string, agencyName: string, events: ReferralEventView[]): CaseReferralView {
  return {
    id,
    code: `CG-2026-${id}`,
    toAgency: { id: `agency-${id}`, name: agencyName, type: 'police', phone: null },
    services: ['police_protection'],
    urgency: 'urgent',
    reason: 'Cần bảo vệ.',
    packet: [],
    status: 'declined',
    sentAt: events[0]?.at ?? '2026-05-10T01:00:00.000Z',
    respondBy: '2026-05-11T01:00:00.000Z',
    responseOverdue: false,
    respondedAt: null,
    respondedOnTime: null,
    referredByName: 'Nguyễn Thị Lan',
    declineReason: null,
    declineNote: null,
    withdrawReason: null,
    override: null,
    reroutedFromId: null,
    events,
    serviceRecords: [],
  };
}

/** Police declined in the morning, the case was re-routed, health answered in between. */
const POLICE = referral('000001', 'Công an phường Hải Châu', [
  event('e1', '2026-05-10T01:00:00.000Z', 'sent'),
  event('e3', '2026-05-10T03:00:00.000Z', 'declined', {
    actorName: 'Trần Văn Nam',
    actorAgencyName: 'Công an phường Hải Châu',
    reason: 'outside_area',
    note: 'Ngoài địa bàn phường.',
  }),
]);
const HEALTH = referral('000002', 'Trạm Y tế Hải Châu', [
  event('e2', '2026-05-10T02:00:00.000Z', 'sent'),
  event('e5', '2026-05-11T02:00:00.000Z', 'response_overdue', {
    actorName: null,
    actorAgencyName: null,
    reason: 'sender_notice_due',
  }),
]);
const REROUTED = referral('000003', 'Công an phường Thạch Thang', [
  event('e4', '2026-05-10T04:00:00.000Z', 'sent', { reason: 'threat_to_life' }),
]);

describe('referral timeline', () => {
  it('merges every referral’s events, newest first', () => {
    const entries = mergeTimeline([POLICE, HEALTH, REROUTED]);
    expect(entries.map((e) => e.id)).toEqual(['e5', 'e4', 'e3', 'e2', 'e1']);
    expect(entries[2]).toMatchObject({
      event: 'declined',
      referralCode: 'CG-2026-000001',
      agency: { name: 'Công an phường Hải Châu' },
    });
  });

  it('shows each entry with its time in Vietnam, label, agency, actor and reason', async () => {
    localStorage.clear();
    const fixture = TestBed.createComponent(ReferralTimelineComponent);
    fixture.componentRef.setInput('referrals', [POLICE, HEALTH, REROUTED]);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const entries = Array.from(
      element.querySelectorAll<HTMLElement>('[data-testid="timeline-entry"]'),
    );
    const field = (entry: HTMLElement | undefined, id: string): string =>
      entry?.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

    expect(entries.map((e) => field(e, 'timeline-at'))).toEqual([
      '11/05/2026 09:00',
      '10/05/2026 11:00',
      '10/05/2026 10:00',
      '10/05/2026 09:00',
      '10/05/2026 08:00',
    ]);
    const [overdue, rerouted, declined] = entries;
    expect(field(overdue, 'timeline-event')).toBe('Quá hạn phản hồi');
    expect(field(overdue, 'timeline-agency')).toBe('Trạm Y tế Hải Châu');
    // The agency and the referral's code stand apart.
    expect(
      overdue?.querySelector('[data-testid="timeline-agency"]')?.parentElement?.textContent,
    ).toMatch(/Trạm Y tế Hải Châu \(CG-2026-000002\)/);
    expect(field(overdue, 'timeline-actor')).toBe('Hệ thống');
    expect(field(overdue, 'timeline-reason')).toBe(
      'Báo người chuyển gửi để chuyển sang cơ quan khác',
    );
    expect(field(rerouted, 'timeline-reason')).toBe('Đe dọa đến tính mạng');
    expect(field(declined, 'timeline-event')).toBe('Từ chối');
    expect(field(declined, 'timeline-actor')).toBe('Trần Văn Nam · Công an phường Hải Châu');
    expect(field(declined, 'timeline-reason')).toBe('Ngoài địa bàn phụ trách');
    expect(field(declined, 'timeline-note')).toBe('Ngoài địa bàn phường.');
  });

  it('names the service a service_recorded event recorded, and the code a re-route went to', async () => {
    localStorage.clear();
    const declined = referral('000002', 'Bệnh viện minh họa Đà Nẵng', [
      event('e1', '2026-05-10T01:00:00.000Z', 'service_recorded', {
        reason: 'police_protection',
      }),
      event('e2', '2026-05-10T02:00:00.000Z', 'rerouted', { reason: 'CG-2026-000003' }),
    ]);
    const fixture = TestBed.createComponent(ReferralTimelineComponent);
    fixture.componentRef.setInput('referrals', [declined]);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const reason = (kind: string): string =>
      element
        .querySelector(`[data-event="${kind}"] [data-testid="timeline-reason"]`)
        ?.textContent?.trim() ?? '';

    expect(reason('service_recorded')).toBe('Bảo vệ của công an');
    expect(reason('rerouted')).toBe('CG-2026-000003');
  });

  it('says so when there is nothing yet', async () => {
    localStorage.clear();
    const fixture = TestBed.createComponent(ReferralTimelineComponent);
    fixture.componentRef.setInput('referrals', []);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Chưa có sự kiện nào.');
  });
});
