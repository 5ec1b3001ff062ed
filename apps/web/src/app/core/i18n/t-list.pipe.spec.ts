import { TestBed } from '@angular/core/testing';
import { TranslateListPipe } from './t-list.pipe';
import { TranslationService } from './translation.service';

describe('TranslateListPipe', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [TranslateListPipe] });
  });

  it('translates each code under the prefix and joins them, in the current language', () => {
    const pipe = TestBed.inject(TranslateListPipe);
    const vi = pipe.transform(['legal_aid', 'safe_shelter'], 'service');
    expect(vi.split(', ')).toHaveLength(2);
    expect(vi).not.toContain('legal_aid');
    TestBed.inject(TranslationService).use('en');
    expect(pipe.transform(['legal_aid'], 'service')).not.toBe(vi.split(', ')[0]);
  });

  it('says "none" for an empty list and keeps an unknown code as it is', () => {
    const pipe = TestBed.inject(TranslateListPipe);
    expect(pipe.transform([], 'service')).toBe(TestBed.inject(TranslationService).t('common.none'));
    expect(pipe.transform(['not_a_code'], 'service')).toBe('not_a_code');
  });
});
