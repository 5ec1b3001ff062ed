import { Global, Module } from '@nestjs/common';
import { BlindIndexer } from './blind-indexer';
import { FieldCipher } from './field-cipher';

@Global()
@Module({ providers: [FieldCipher, BlindIndexer], exports: [FieldCipher, BlindIndexer] })
export class CryptoModule {}
