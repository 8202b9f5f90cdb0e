import { z } from "zod";
import { defineKind } from "../define-kind";
import { defineAnswer, optionalTextarea, textarea } from "../fields";

/**
 * Questions of the day for daily sharing, in our own words. Gentle, everyday and answerable
 * by either partner, whichever side of the hurt they are on. Appending or reordering changes
 * which question falls on which date, so store the question text with an answer if it matters later.
 */
export const SHARING_QUESTIONS: string[] = [
  "What is one small thing that made you smile today?",
  "When did you feel most like yourself this week?",
  "What is something you're looking forward to, however small?",
  "What helps you feel calm after a hard day?",
  "Which song, book or programme has been on your mind lately, and why?",
  "What is one thing I did recently that you appreciated?",
  "If we had a free afternoon together, how would you like to spend it?",
  "What has been worrying you lately that I might not know about?",
  "What have you learned about yourself this week?",
  "Which place makes you feel most at ease?",
  "What is a hope you have for the year ahead?",
  "What was the best part of your day, and what was the hardest?",
  "Who has been kind to you recently?",
  "What would make tomorrow feel a little easier?",
  "What is a childhood memory that still makes you happy?",
  "What is something you'd like us to try together one day?",
  "When do you feel most listened to?",
  "What is one small way I could support you this week?",
  "What is something you're proud of from this month?",
  "What does a good evening at home look like to you?",
  "What is a skill or hobby you'd love to get better at?",
  "What has been on your mind most today?",
  "What is a kindness from someone you barely knew that you still remember?",
  "What are you grateful for today?",
  "What has been tiring you out lately?",
  "If you could take a day off from everything, what would you do with it?",
  "What meal reminds you of a happy time?",
  "What would you like me to understand better about how you're feeling this week?",
  "What helps you feel close to someone?",
  "What small routine makes your day better?",
  "What is something you've changed your mind about in the last few years?",
  "Where would you like to go, near or far, when things feel lighter?",
  "What would you like more of in your life right now?",
  "What is something that made you laugh recently?",
];

const MS_PER_DAY = 86_400_000;

/**
 * The question of the day for a calendar date (`yyyy-mm-dd`; a longer ISO string uses its
 * leading date). Deterministic: days since 1970-01-01 modulo the number of questions, so both
 * partners see the same question as long as callers pass the couple's local date, not a UTC
 * timestamp. Throws a RangeError for a string that isn't a real date.
 */
export function questionForDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match || !z.iso.date().safeParse(match[0]).success) {
    throw new RangeError(`Not a calendar date: ${JSON.stringify(isoDate)}`);
  }
  const days = Math.floor(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY);
  const n = SHARING_QUESTIONS.length;
  return SHARING_QUESTIONS[((days % n) + n) % n];
}

/** The question of the day: both partners answer the same question, and see each other's answers once both have replied. */
export const dailySharing = defineKind({
  id: "daily_sharing",
  title: "Question of the day",
  summary:
    "Each day you both answer the same short question and can share something from your day. You'll see each other's answers once you've both replied.",
  counsellorNote:
    "A low-pressure way to rebuild everyday closeness. Answers stay hidden until both partners reply, so neither writes in response to the other. If one partner often doesn't reply, explore it in session.",
  defaultVisibility: "shared",
  revealWhenBothAnswered: true,
  assignable: true,
  answer: defineAnswer({
    answer: textarea({
      label: "My answer to today's question",
      help: "You'll see each other's answers once you have both replied.",
      about: "today's question",
    }),
    fromMyDay: optionalTextarea({
      label: "Something from my day I'd like you to know",
      help: "Optional. It can be small.",
    }),
  }),
  questionFor: questionForDate,
});
