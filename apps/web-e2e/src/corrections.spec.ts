import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
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
});
