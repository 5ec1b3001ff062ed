import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import {
  DEMO_USERNAMES,
  answerRiskForm,
  choose,
  chooseByText,
  chooseMany,
  openCaseWithConsent,
  signOut,
  snapshot,
  typedVietnamDay,
  uniquePhone,
  uniqueToken,
  signInAs,
} from './support';

// Demo agencies (apps/api/src/modules/seed/demo-data.ts).
const POLICE_ID = '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000004';
const HEALTH_ID = '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000005';
const POLICE_NAME = 'Công an Phường Hải Châu';

/** A Vietnam calendar date `days` from today. */
function vietnamDate(days: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** A caseworker's new case, assessed at high risk (one danger item "yes"). Returns its URL. */
async function highRiskCase(page: Page): Promise<string> {
  await signInAs(page, DEMO_USERNAMES.caseworker);
  await page.getByTestId('walk-in').click();
  await openCaseWithConsent(page, {
    fullName: `Đỗ Thị Thử Nghiệm ${uniqueToken()}`,
    phone: uniquePhone(),
    age: '30',
  });
  const caseUrl = page.url();
  await page.getByTestId('case-tab-risk').click();
  await page.getByTestId('risk-new').click();
  await answerRiskForm(page, ['strangulation']);
  await page.getByTestId('risk-save').click();
  await expect(page.getByTestId('risk-level')).toHaveText('Cao');
  // The caseworker is offered referrals, not a conference: the supervisor convenes.
  await expect(page.getByTestId('risk-convene')).toHaveCount(0);
  await signOut(page);
  return caseUrl;
}

test('a supervisor convenes a case conference with two actions; the police complete theirs from their inbox', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  const caseUrl = await highRiskCase(page);

  // The supervisor opens the high-risk case: its risk tab offers the conference.
  await signInAs(page, DEMO_USERNAMES.supervisor);
  await page.goto(caseUrl.replace('/cases/', '/team/'));
  await page.getByTestId('case-tab-risk').click();
  await page.getByTestId('risk-convene').click();
  await expect(page.getByTestId('convene-form')).toBeVisible();
  await page.getByTestId('convene-scheduled-at').fill(`${vietnamDate(1)}T09:00`);
  await page
    .getByTestId('convene-agenda')
    .fill('Thống nhất kế hoạch bảo vệ: tuần tra, khám lại, tư vấn pháp lý.');
  await chooseMany(page, 'convene-invited', [
    `convene-invite-${POLICE_ID}`,
    `convene-invite-${HEALTH_ID}`,
  ]);
  await snapshot(page, 'conference-convene-1366');
  await page.getByTestId('convene-submit').click();

  // The conference page: agenda, the invited agencies; attendance and minutes recorded.
  await expect(page.getByTestId('conference-code')).toHaveText(/^HLN-\d{4}-\d{4}$/);
  const conferenceUrl = page.url();
  await expect(page.getByTestId('conference-invitee')).toHaveCount(2);

  // Not held yet: it moves to the day after, with a reason the invitees do not see.
  await page.getByTestId('conference-reschedule-open').click();
  // The dialog is ready once it has focused its first field (after its opening animation): text typed
  // before that can land in the field focus moves to (seen once in CI on a loaded machine).
  await expect(page.getByTestId('conference-schedule-at')).toBeFocused();
  await page.getByTestId('conference-schedule-at').fill(`${vietnamDate(2)}T14:00`);
  await page.getByTestId('conference-schedule-reason').fill('Công an phường bận trực.');
  await snapshot(page, 'conference-reschedule-1366');
  await page.getByTestId('conference-schedule-submit').click();
  await expect(page.getByTestId('conference-rescheduled')).toContainText('bận trực');
  await expect(page.getByTestId('conference-when')).toContainText('14:00');
  const police = page.getByTestId('conference-invitee').filter({ hasText: POLICE_NAME });
  const policeIndex = (await page.getByTestId('conference-invitee').allTextContents()).findIndex(
    (text) => text.includes(POLICE_NAME),
  );
  expect(policeIndex).toBeGreaterThanOrEqual(0);
  await expect(police).toContainText('Chưa ghi nhận');
  await choose(page, `conference-attendance-${policeIndex}`, undefined, 1);
  await choose(page, `conference-attendance-${1 - policeIndex}`, undefined, 2);
  await page
    .getByTestId('conference-minutes-input')
    .fill('Công an tăng tuần tra quanh nơi ở; y tế hẹn khám lại trong tuần.');
  await page.getByTestId('conference-record').click();
  await expect(page.getByTestId('conference-recorded')).toBeVisible();
  await expect(page.getByTestId('conference-status')).toHaveText('Đã họp');
  await expect(police).toContainText('Có mặt');

  // Two actions: one for the police, one for the centre itself.
  const addAction = async (owner: string, text: string, due: string) => {
    await chooseByText(page, 'conference-action-owner-select', owner);
    await page.getByTestId('conference-action-description-input').fill(text);
    await page.getByTestId('conference-action-due').fill(due);
    await page.getByTestId('conference-action-add').click();
    await expect(page.getByTestId('conference-action-added')).toBeVisible();
  };
  await addAction(POLICE_NAME, 'Tuần tra quanh nơi ở mỗi tối trong hai tuần.', typedVietnamDay(7));
  await addAction(
    'Trung tâm Công tác xã hội thành phố Đà Nẵng',
    'Hẹn tư vấn tâm lý và rà soát kế hoạch an toàn.',
    typedVietnamDay(10),
  );
  await expect(page.getByTestId('conference-action')).toHaveCount(2);
  await snapshot(page, 'conference-page-1366');
  // Held: it no longer moves; the minutes print alone, with attendance and both actions.
  await expect(page.getByTestId('conference-reschedule-open')).toHaveCount(0);
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByTestId('conference-print').click();
  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('#cn-print-root');
  await expect(printed).toContainText('BIÊN BẢN HỌP LIÊN NGÀNH');
  await expect(printed).toContainText('y tế hẹn khám lại');
  await expect(printed).toContainText('Tuần tra quanh nơi ở');
  await expect(printed).toContainText('Có mặt');
  await snapshot(page, 'conference-minutes-print');
  await page.emulateMedia({ media: 'screen' });
  // The emulated print media laid the shell out without its side menu: lay it out again.
  await page.reload();
  // The case plan tab lists the conference's actions beside its own, read-only (the page's forms
  // are saved: the link leaves without asking).
  await page.getByTestId('conference-case-link').click();
  await page.getByTestId('case-tab-plan').click();
  const fromConference = page.getByTestId('case-conference-actions');
  await expect(fromConference.getByTestId('conference-action')).toHaveCount(2);
  await expect(fromConference.getByTestId('conference-action-done')).toHaveCount(0);
  await signOut(page);

  // The police liaison: the invitation is in their conference inbox, with their one action.
  await signInAs(page, DEMO_USERNAMES.police_liaison);
  await page.getByTestId('notifications-bell').click();
  await expect(
    page.getByTestId('notification-item').filter({ hasText: 'được mời họp liên ngành' }).first(),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await page.goto('/conferences');
  const invitation = page
    .getByTestId('conference-invitation')
    .filter({ has: page.locator(`a[href="${new URL(conferenceUrl).pathname}"]`) });
  await expect(invitation.getByTestId('conference-action')).toHaveCount(1);
  await expect(invitation.getByTestId('conference-action')).toContainText('Tuần tra');
  await snapshot(page, 'conference-inbox-1366');
  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await expect(invitation.getByTestId('conference-action')).toHaveCount(1);
  await snapshot(page, 'conference-inbox-360');
  await invitation.getByTestId('conference-action-note-input').fill('Đã tuần tra đủ 14 tối.');
  await invitation.getByTestId('conference-action-done').click();
  await expect(invitation.getByTestId('conference-action-status')).toHaveText('Đã hoàn thành');

  // Their conference page: the minutes (they attended, an action is still open), never the case.
  await invitation.getByTestId('conference-link').click();
  await expect(page.getByTestId('conference-minutes')).toContainText('tăng tuần tra');
  await expect(page.getByTestId('conference-case-link')).toHaveCount(0);
  await expect(page.getByTestId('conference-record-form')).toHaveCount(0);
  await snapshot(page, 'conference-page-invitee-360');
  await page.setViewportSize({ width: 1366, height: 900 });
  await signOut(page);

  // The supervisor sees it done, and the centre's own action still open, on its deadline board.
  await signInAs(page, DEMO_USERNAMES.supervisor);
  await page.goto(conferenceUrl);
  const actions = page.getByTestId('conference-action');
  await expect(
    actions.filter({ hasText: 'Tuần tra' }).getByTestId('conference-action-status'),
  ).toHaveText('Đã hoàn thành');
  await expect(
    actions.filter({ hasText: 'tư vấn tâm lý' }).getByTestId('conference-action-status'),
  ).toHaveText('Đang thực hiện');
  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await expect(page.getByTestId('conference-action')).toHaveCount(2);
  await snapshot(page, 'conference-page-360');
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/deadlines');
  await page.getByText('Tất cả đang mở').click();
  await expect(page.getByText('Việc cần làm sau họp liên ngành').first()).toBeVisible();
  await snapshot(page, 'conference-deadline-board-1366');
});
