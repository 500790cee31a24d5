export enum InputErrorCode {
  FileUnreadable = 'FILE_UNREADABLE',
  FileTooLarge = 'FILE_TOO_LARGE',
  BinaryFile = 'BINARY_FILE',
  MalformedYaml = 'MALFORMED_YAML',
  MalformedJson = 'MALFORMED_JSON',
  TooManyDocuments = 'TOO_MANY_DOCUMENTS',
  TooManyAliases = 'TOO_MANY_ALIASES',
  TooDeep = 'TOO_DEEP',
  NotAnObject = 'NOT_A_KUBERNETES_OBJECT',
  CheckFailed = 'CHECK_FAILED_ON_OBJECT',
}

/** Something in the input that could not be scanned. The rest of the input is still scanned. */
export interface InputError {
  code: InputErrorCode;
  message: string;
  file?: string;
  line?: number;
}
