// Words for made-up answers and notes, written for the demo.
export const REFLECTIONS = [
  "I noticed I get tense in the evenings when plans are vague.",
  "Talking it through slowly helped more than I expected.",
  "I want to understand what was going on before it happened.",
  "It still hurts, but I can say so now without it becoming a fight.",
  "I felt listened to when we put our phones away.",
  "I need time, and I need to see the changes last.",
  "I realised how much I had been carrying on my own.",
  "We laughed together for the first time in a while.",
  "I was defensive at first, then I tried to just listen.",
  "I am willing to be more open about where I am and who I am with.",
  "It helps when I hear about changes of plan early.",
  "I want us to be able to talk about the hard days too.",
];
export const TRIGGERS = [
  "Coming home late without a message",
  "A locked phone left face down",
  "Mentioning the colleague involved",
  "Evenings out with the old group",
  "Vague answers about weekend plans",
];
export const PLANS = [
  "Send a short message before I leave and when plans change.",
  "Leave my phone where we both can see it and answer openly if asked.",
  "Say it plainly and check in about how it landed.",
  "Agree the evening in advance and call when I am on my way.",
  "Give specific times and places, without being asked.",
];
export const PROMISES = [
  "Call you on my lunch break",
  "Be home by 7 on Thursday",
  "Tell you if my plans change tonight",
  "Book the counselling session for next week",
  "Cook dinner together on Sunday",
  "Put my phone away during dinner",
  "Text when I arrive at the conference",
  "Join you for the walk on Saturday morning",
  "Share my calendar for next week",
  "Take the children to school on Friday",
];
export const AGREEMENTS = [
  { title: "An evening call every day", details: "A short call or message each evening to say how the day went.", perWeek: 7 },
  { title: "Check in on weekdays", details: "A call at lunchtime on working days, even a brief one.", perWeek: 5 },
  { title: "Tell each other when plans change", details: "A message as soon as a plan changes, not after.", perWeek: null },
  { title: "Phones on the table at dinner", details: "No screens at the table; either of us can look at the other's phone if asked.", perWeek: null },
];
export const CHECK_IN_NOTES = [
  "A calmer day. We talked over breakfast.",
  "Hard evening; the old feelings came back.",
  "Felt hopeful after our walk.",
  "Work was stressful and I was short with them.",
  "They called when they said they would. It mattered.",
  "I'm tired of feeling suspicious.",
  "We managed to talk about it without shouting.",
  "Quiet day, not much contact.",
];
export const NOTE_TEXT = {
  subjective: [
    "Both partners report fewer arguments this fortnight.",
    "Partner A describes ongoing intrusive thoughts in the evenings.",
    "Partner B says they feel the work is one-sided at times.",
  ],
  objective: [
    "Both attended on time; affect calmer than last session.",
    "Partner A tearful when discussing the disclosure; able to continue.",
    "Check-in adherence has been steady; trust ratings trending up.",
  ],
  assessment: [
    "Progressing through the current step; repair attempts are landing.",
    "Engagement uneven; risk of stalling at the agreements stage.",
    "Trust remains fragile; no safety concerns raised in session.",
  ],
  plan: [
    "Continue the current step; review promises next session.",
    "Introduce the next exercise and agree a check-in rhythm.",
    "Individual session with each partner before the next joint one.",
  ],
};

/**
 * Answers to the exercises' open questions, by field name, written as partners might put them:
 * first person, plain, sometimes unsure. An unlisted field falls back to REFLECTIONS.
 */
export const FIELD_ANSWERS: Record<string, string[]> = {
  whatHappened: [
    "For about four months I was messaging someone from work late at night and hid it. It started as talking and became more than that.",
    "I found the messages on the shared tablet in March. When I asked, the first answer I got wasn't the truth.",
    "I kept telling myself it didn't count because we never met up. Looking back I was lying to both of us.",
    "I met up with my ex several times last year and said I was at the gym. I ended it in the summer but never told you.",
  ],
  howItAffectedMe: [
    "I stopped sleeping properly. I check your phone in my head even when I'm not looking at it.",
    "I feel stupid for not seeing it, and then angry at myself for feeling stupid.",
    "Honestly, I felt relief when it came out, and then shame for feeling relief while you were hurting.",
    "It made me go back over the last year and doubt ordinary days, birthdays, all of it.",
  ],
  whatINeedToUnderstand: [
    "Why you went looking for it outside us instead of telling me something was wrong.",
    "Whether it's really over, and how I'd know if it wasn't.",
    "What you told yourself at the time, so I can stop filling in the gaps on my own.",
    "I need to know you see how much the lying hurt, not only the affair.",
  ],
  willingToChange: [
    "Being open about where I am without being asked, and answering questions even when they're hard to hear.",
    "I'm willing to stop going quiet when things get difficult. That's my habit and it hasn't helped.",
    "I'll stay in the sessions even on the weeks I don't feel like it. I'm not sure yet beyond that.",
    "Less time on my phone in the evenings, and telling you when I'm struggling instead of hiding it.",
  ],
  answer: [
    "Probably the trip to the coast before the kids. We had no money and didn't care.",
    "When you made tea without asking this morning. Small, but I noticed.",
    "I'd like us to have one evening a week with no talk about any of this.",
    "Honestly I don't know yet. I'm still thinking about it.",
    "Your laugh when the dog fell in the pond. I hadn't heard it in a while.",
    "That you kept coming to sessions even when I was horrible to you in the car.",
  ],
  openingUp: [
    "I find it hard to be close when I'm still angry, and then I feel guilty for pulling away.",
    "Some nights it feels almost normal, and that scares me more than the bad nights.",
    "I want to be held more than anything else right now, but I don't know how to ask.",
  ],
  noticed: [
    "She went quiet after the phone call with her mum.",
    "He looked wiped out after the late shift.",
    "They flinched when my phone buzzed at dinner.",
    "She seemed on edge before the work party.",
  ],
  whatIDid: [
    "I asked if she wanted to talk or just sit together. She chose sitting, so we did.",
    "Made dinner and took the kids to bed so he could have half an hour.",
    "Turned my phone over and showed who it was without being asked.",
    "Offered to come along, and sent a message when I got there too.",
  ],
  improved: [
    "We argue less, and when we do it doesn't go on for days.",
    "The evening calls have become normal. I miss them when they don't happen.",
    "I believe more of what I'm told than I did a month ago. Not all of it.",
  ],
  stillHurts: [
    "Anything to do with that office. I still can't drive past it.",
    "When plans change at the last minute, my stomach drops.",
    "Being asked to trust quickly. It takes the time it takes.",
  ],
  nextMonth: [
    "Keep the calls going and try one evening out, just us.",
    "Talk about the holiday without it turning into a fight.",
    "I want to stop checking and see whether I can.",
  ],
};
