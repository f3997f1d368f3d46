/**
 * Speaker labels of "Human: … Assistant: …" transcripts, and the split of one transcript string
 * (the hh-rlhf JSON form) into turns. Only labels at a turn boundary count, so a "Human:" quoted
 * inside an answer stays in the answer and never becomes user text.
 */
import type { Role } from '../../model.ts';

export interface LabelMatch {
  role: Role;
  label: string;
  /** The rest of the line after the label and its colon: the turn's first text. */
  rest: string;
}

/** Words match in any case; the one-letter H:/A: only as capitals, so "a: …" list items stay text. */
const WORD_LABEL = /^(human|user|assistant|ai|bot)[:：][ \t]*/i;
const LETTER_LABEL = /^([HA])[:：][ \t]*/;
const CJK_LABEL = /^(用户|助手)[:：][ \t]*/;

const LABEL_ROLES: Record<string, Role> = {
  human: 'user',
  user: 'user',
  h: 'user',
  用户: 'user',
  assistant: 'assistant',
  ai: 'assistant',
  bot: 'assistant',
  a: 'assistant',
  助手: 'assistant',
};

/** The speaker label at the very start of a text-file line (no indentation), or undefined. */
export function matchLineLabel(line: string): LabelMatch | undefined {
  const match = WORD_LABEL.exec(line) ?? LETTER_LABEL.exec(line) ?? CJK_LABEL.exec(line);
  if (!match) return undefined;
  const label = match[1] as string;
  const role = LABEL_ROLES[label.toLowerCase()];
  return role === undefined ? undefined : { role, label, rest: line.slice(match[0].length) };
}

/** A line of only `---` or `===` (three or more): the text-file conversation separator. */
export function isSeparatorLine(line: string): boolean {
  return /^[ \t]*(-{3,}|={3,})[ \t]*$/.test(line);
}

export interface TranscriptTurn {
  role: Role;
  text: string;
}

export interface SplitTranscript {
  turns: TranscriptTurn[];
  /** Characters of text before the first label (dropped: it belongs to no speaker). */
  preambleChars: number;
  /** Labels followed by no text (hh-rlhf ends some prompts with an empty "Assistant:"). */
  emptyTurns: number;
}

/**
 * In a transcript string a turn starts with Human: or Assistant: at the very start or right
 * after a blank line ("\n\n") — hh-rlhf's own layout. Other labels are not used there, and
 * accepting "A:" would split every "Q: … A: …" inside an answer.
 */
const STRING_LABEL = /(?:^|\n\n)(Human|Assistant):/g;

export function splitTranscript(transcript: string): SplitTranscript {
  const body = transcript.replace(/^\s+/, '');
  const matches = [...body.matchAll(STRING_LABEL)];
  const turns: TranscriptTurn[] = [];
  let emptyTurns = 0;
  const firstIndex = matches[0]?.index ?? body.length;
  const preambleChars = body.slice(0, firstIndex).trim().length;
  matches.forEach((match, i) => {
    const textStart = match.index + match[0].length;
    const textEnd = matches[i + 1]?.index ?? body.length;
    const text = body.slice(textStart, textEnd).trim();
    if (text === '') {
      emptyTurns += 1;
      return;
    }
    turns.push({ role: match[1] === 'Human' ? 'user' : 'assistant', text });
  });
  return { turns, preambleChars, emptyTurns };
}
