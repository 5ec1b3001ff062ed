import { rememberReturnRoute, takeReturnRoute } from './return-route';

const PAGE = '/notifications/6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000001';

describe('return after sign-in', () => {
  beforeEach(() => sessionStorage.clear());

  it("brings a notification's page back once the person is in, once", () => {
    rememberReturnRoute(PAGE);
    expect(takeReturnRoute('/account/second-factor')).toBe('/account/second-factor');
    expect(takeReturnRoute('/inbox')).toBe(PAGE);
    expect(takeReturnRoute('/inbox')).toBe('/inbox');
  });

  it('remembers nothing else: no other page, no outside address', () => {
    for (const url of [
      '/cases/6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000001',
      '//evil.example',
      '/notifications/x',
    ]) {
      rememberReturnRoute(url);
      expect(takeReturnRoute('/inbox')).toBe('/inbox');
    }
  });
});
