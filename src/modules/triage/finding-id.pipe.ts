import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';

const POSITIVE_INTEGER = /^[1-9][0-9]{0,18}$/;
const MAX_BIGINT = 9_223_372_036_854_775_807n;

/** A finding's id is its `seq`, a positive bigint: anything else is a 400 INVALID_ID before any query runs. */
@Injectable()
export class FindingIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!POSITIVE_INTEGER.test(value) || BigInt(value) > MAX_BIGINT) {
      throw new DomainError(ErrorCode.InvalidId, 'the finding id is not a positive integer');
    }
    return value;
  }
}
