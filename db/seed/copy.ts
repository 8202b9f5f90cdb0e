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
