import { IsInt, IsString, Max, MetadataStorage, validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { VALIDATION_OPTIONS } from './validation';
import { memoizeValidationMetadata } from './validation-metadata-memo';

class CallNote {
  @IsString()
  text!: string;
}

class UrgentCallNote extends CallNote {
  @IsInt()
  @Max(3)
  priority!: number;
}

const check = async (type: new () => object, body: object) =>
  (await validate(plainToInstance(type, body), VALIDATION_OPTIONS))
    .map((e) => [e.property, Object.keys(e.constraints ?? {})])
    .sort(([a], [b]) => String(a).localeCompare(String(b)));

describe('memoizeValidationMetadata', () => {
  beforeAll(() => memoizeValidationMetadata());

  it('answers as class-validator does, inherited rules and unknown fields included, every time', async () => {
    for (let i = 0; i < 2; i++) {
      expect(await check(UrgentCallNote, { text: 1, priority: 9, extra: true })).toEqual([
        ['extra', ['whitelistValidation']],
        ['priority', ['max']],
        ['text', ['isString']],
      ]);
      expect(await check(UrgentCallNote, { text: 'ok', priority: 2 })).toEqual([]);
      expect(await check(CallNote, { text: 'ok', priority: 2 })).toEqual([
        ['priority', ['whitelistValidation']],
      ]);
    }
  });

  it('forgets its answers when a rule is registered later', async () => {
    expect(await check(CallNote, { text: 'ok' })).toEqual([]);
    class LateNote extends CallNote {
      @IsString()
      author!: string;
    }
    expect(await check(LateNote, { text: 'ok' })).toEqual([['author', ['isString']]]);
    // A decorator run after the first validations adds to a class already answered for.
    IsInt()(CallNote.prototype, 'minutes');
    expect(await check(CallNote, { text: 'ok', minutes: 'ten' })).toEqual([['minutes', ['isInt']]]);
  });

  it('memoizes a storage once', () => {
    const storage = new MetadataStorage();
    memoizeValidationMetadata(storage);
    const once = storage.getTargetValidationMetadatas;
    memoizeValidationMetadata(storage);
    expect(storage.getTargetValidationMetadatas).toBe(once);
  });
});
