/**
 * JSON.parse's messages quote the input (`Unexpected token 'h', "this is my "... is not valid JSON`),
 * which would put message text into issue reasons and logs. Keep only the position.
 */
export function describeJsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message)?.[1];
  if (/Unexpected end of JSON input/.test(message)) return 'JSON ends unexpectedly';
  return position === undefined ? 'JSON syntax error' : `JSON syntax error at character ${position}`;
}
