import type { CasePlanContent } from '@caunoi/shared/domain';
import {
  casePlanContent,
  casePlanForm,
  fillCasePlanForm,
  forgetUnknownActionIds,
} from './case-plan-form';

describe('case plan form', () => {
  const content: CasePlanContent = {
    needs: [{ domain: 'safety', text: 'Nơi ở an toàn' }],
    goals: [{ domain: 'safety', text: 'Có nơi ở' }],
    actions: [
      {
        id: '5f0c3a4e-7d6b-4c1a-9e2f-0a1b2c3d4e5f',
        domain: 'safety',
        text: 'Tìm nhà tạm lánh',
        ownerAgencyId: null,
        dueOn: '2026-12-20',
        status: 'in_progress',
      },
    ],
  };

  it('sends each action back with its id (the same action, the same clock)', () => {
    const form = casePlanForm();
    fillCasePlanForm(form, content);
    expect(casePlanContent(form)).toEqual(content);
  });

  it('sends a new action without an id (the API gives it one)', () => {
    const form = casePlanForm();
    fillCasePlanForm(form, null);
    expect(casePlanContent(form).actions[0]).not.toHaveProperty('id');
  });

  it('after a stale save, an action the newer version removed is saved as a new one', () => {
    const form = casePlanForm();
    fillCasePlanForm(form, content);
    forgetUnknownActionIds(form, { ...content, actions: [] });
    expect(casePlanContent(form).actions[0]).not.toHaveProperty('id');
    fillCasePlanForm(form, content);
    forgetUnknownActionIds(form, content);
    expect(casePlanContent(form).actions[0]?.id).toBe(content.actions[0]?.id);
  });
});
