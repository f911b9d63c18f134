import { type GraphQLError, Lexer, Source, TokenKind } from "graphql";
import { tooDeep } from "./input-limits.ts";
import { badInput, tooComplex } from "./limit-errors.ts";
import type { QueryLimits } from "./limits.ts";

type DocumentLimits = Pick<QueryLimits, "maxDocumentLength" | "maxTokens" | "maxNesting" | "maxInputDepth">;

const OPENING: ReadonlySet<TokenKind> = new Set([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING: ReadonlySet<TokenKind> = new Set([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Checks a document's text before it is parsed: its length, its number of tokens, and how deep
 * its brackets nest. graphql-js's parser recurses once per level and throws the engine's own
 * "Maximum call stack size exceeded" a few thousand levels down; the lexer used here does not
 * recurse, and stops at the first limit passed. An argument value nested too deep is
 * `BAD_USER_INPUT` naming the argument, as validation would name it; anything else over a limit
 * is `QUERY_TOO_COMPLEX`. Undefined when the text is within the limits (it may still not parse:
 * syntax errors are the parser's to report).
 *
 * @example
 * const error = documentLimitError(request.query, DEFAULT_LIMITS);
 * if (error) return res.status(400).json({ errors: [maskError(error)] });
 */
export function documentLimitError(text: string, limits: DocumentLimits): GraphQLError | undefined {
  if (text.length > limits.maxDocumentLength)
    return tooComplex(
      `The document is ${text.length} characters long; the limit is ${limits.maxDocumentLength}.`,
    );
  const lexer = new Lexer(new Source(text));
  let tokens = 0;
  let nesting = 0;
  /** The argument being read, and the nesting of the `(` its list opened. */
  let argument: { name: string; at: number } | undefined;
  let previous: { kind: TokenKind; value: string | undefined } | undefined;
  let argumentsAt: number | undefined;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens += 1;
      if (tokens > limits.maxTokens)
        return tooComplex(`The document has more than ${limits.maxTokens} tokens.`);
      if (token.kind === TokenKind.COLON && previous?.kind === TokenKind.NAME && argumentsAt === nesting)
        argument = { name: previous.value ?? "", at: nesting };
      if (OPENING.has(token.kind)) {
        nesting += 1;
        if (token.kind === TokenKind.PAREN_L) argumentsAt = nesting;
        if (argument && nesting - argument.at > limits.maxInputDepth)
          return badInput([{ name: argument.name, reason: tooDeep(limits) }]);
        if (nesting > limits.maxNesting)
          return tooComplex(`The document nests brackets more than ${limits.maxNesting} levels deep.`);
      } else if (CLOSING.has(token.kind)) {
        if (token.kind === TokenKind.PAREN_R) {
          argument = undefined;
          argumentsAt = undefined;
        }
        nesting -= 1;
      }
      previous = { kind: token.kind, value: token.value };
    }
  } catch {
    // A lexical error: the parser reports it as a syntax error.
  }
  return undefined;
}
