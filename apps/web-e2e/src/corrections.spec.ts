import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  choose,
  DEMO_USERNAMES,
  openCaseWithConsent,
  signIn,
  snapshot,
  uniquePhone,
  uniqueToken,
} from './support';

test('a note is corrected with a reason; its history shows the text it had, who, when and why', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, DEMO_USERNAMES.caseworker, DEMO_PASSWORD);
  await page.getByTestId('walk-in').click();
  await openCaseWithConsent(page, {
    fullName: `Đỗ Thị Sửa ${uniqueToken()}`,
    phone: uniquePhone(),
    age: '29',
  });

  await page.getByTestId('case-tab-notes').click();
  await page.getByTestId('note-body').fill('Chị hẹn gặp ngày 12/12 tại trung tâm.');
  await page.getByTestId('note-save').click();
  const note = page.getByTestId('note-row').first();
  await expect(note.getByTestId('note-text')).toHaveText('Chị hẹn gặp ngày 12/12 tại trung tâm.');

  // A correction needs a reason: the client asks for it before anything is sent.
  await note.getByTestId('note-correct').click();
  await note.getByTestId('note-correct-body').fill('Chị hẹn gặp ngày 13/12 tại trung tâm.');
  await note.getByTestId('note-correct-save').click();
  await expect(note.getByTestId('note-correct-form')).toContainText('Lý do sửa là bắt buộc.');
  await note.getByTestId('note-correct-reason').fill('Ghi nhầm ngày hẹn');
  await note.getByTestId('note-correct-save').click();
  await expect(note.getByTestId('note-text')).toHaveText('Chị hẹn gặp ngày 13/12 tại trung tâm.');

  await note.getByTestId('correction-history-toggle').click();
  const entry = note.getByTestId('correction-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Ghi nhầm ngày hẹn');
  await expect(entry.getByTestId('correction-previous')).toContainText(
    'Chị hẹn gặp ngày 12/12 tại trung tâm.',
  );
  await snapshot(page, 'corrections-note-history-1366');
  await page.setViewportSize({ width: 360, height: 800 });
  await snapshot(page, 'corrections-note-history-360');

  // The survivor's phone was noted wrong: corrected from the revealed identity, with a reason, on
  // a phone-sized screen (loaded at that width: the case file opens on its first tab).
  await page.reload();
  const identity = page.locator('cn-case-identity');
  await identity.getByTestId('identity-reveal').click();
  await identity.getByTestId('identity-correct').click();
  const newPhone = uniquePhone();
  await identity.getByTestId('identity-correct-phone').fill(newPhone);
  // The coded facts the statistics count are corrected in the same form.
  await choose(page, 'identity-correct-disability', undefined, 0);
  await identity.getByTestId('identity-correct-reason').fill('Chị đọc lại số điện thoại');
  await snapshot(page, 'corrections-identity-form-360');
  await identity.getByTestId('identity-correct-save').click();
  await expect(identity.getByTestId('identity-phone')).toHaveText(newPhone);
  await expect(identity.getByTestId('identity-disability-status')).toHaveText('Có');
  await identity.getByTestId('correction-history-toggle').click();
  const identityEntry = identity.getByTestId('correction-entry');
  await expect(identityEntry).toHaveCount(1);
  await expect(identityEntry).toContainText('Chị đọc lại số điện thoại');
  await expect(identityEntry.getByTestId('correction-previous')).toContainText([
    'Điện thoại',
    'Không rõ',
  ]);
  await snapshot(page, 'corrections-identity-history-360');
  await page.setViewportSize({ width: 1366, height: 900 });
  await identityEntry.scrollIntoViewIfNeeded();
  await snapshot(page, 'corrections-identity-history-1366');

  // A perpetrator's name corrected: the edit asks why, and the record keeps the name it had.
  await page.reload();
  await page.getByTestId('case-tab-perpetrators').click();
  await page.getByTestId('perpetrator-add').click();
  await choose(page, 'perpetrator-form-relationship', 'perpetrator-relationship-spouse');
  await page.getByTestId('perpetrator-full-name').fill('Trần Văn Tên Cũ');
  await page.getByTestId('perpetrator-save').click();
  const record = page.getByTestId('perpetrator-record');
  await expect(record).toContainText('Vợ/chồng');
  await record.getByTestId('perpetrator-edit').click();
  await page.getByTestId('perpetrator-full-name').fill('Trần Văn Tên Mới');
  await page.getByTestId('perpetrator-save').click();
  await expect(page.getByTestId('perpetrator-form')).toContainText('Lý do sửa là bắt buộc.');
  await page.getByTestId('perpetrator-reason').fill('Chị cho biết tên đúng');
  await page.getByTestId('perpetrator-save').click();
  await expect(page.getByTestId('perpetrator-form')).toHaveCount(0);
  await record.getByTestId('correction-history-toggle').click();
  const perpetratorEntry = record.getByTestId('correction-entry');
  await expect(perpetratorEntry).toContainText('Chị cho biết tên đúng');
  await expect(perpetratorEntry).toContainText('Trần Văn Tên Cũ');
  await snapshot(page, 'corrections-perpetrator-history-1366');
});
