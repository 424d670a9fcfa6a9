"""Wire sentences and the same sentences partly rewritten by another outlet (clauses moved,
added or cut, words changed), written for the partial-tier tests (issue 16), with two pairs
on the same topics written independently, which no tier may pair."""

REWRITES = [  # (wire sentence, the same sentence partly rewritten by another outlet)
    ("Israel has balked at releasing the final group of prisoners, officials said on Monday, citing the lack of "
     "progress in the peace talks.",
     "Citing the lack of progress in the peace talks, officials said on Monday that Israel has balked at releasing "
     "the final group of prisoners."),
    ("The talks will resume next week in Jerusalem under American mediation, a State Department spokeswoman said.",
     "A State Department spokeswoman said the talks will resume next week in Jerusalem under American mediation."),
    ("The secretary of state cut short a visit to Rome to fly to Amman for talks with the Palestinian president "
     "on Wednesday night.",
     "On Wednesday night the secretary of state flew to Amman for talks with the Palestinian president, cutting "
     "short a visit to Rome."),
    ("The storm knocked out power to more than 200,000 homes across the region and closed every school in the "
     "capital for two days.",
     "More than 200,000 homes across the region lost power as the storm closed every school in the capital for "
     "two days."),
    ("Police said the suspect, a 34-year-old man from the northern suburbs, was arrested at his home early on "
     "Saturday morning.",
     "The suspect, a 34-year-old man from the northern suburbs, was arrested at his home early on Saturday, police "
     "said in a statement."),
    ("The central bank raised its main interest rate by a quarter of a percentage point to 4.5 percent, the "
     "highest level in a decade.",
     "At 4.5 percent, the highest level in a decade, the main interest rate rose by a quarter of a percentage point "
     "after the central bank met."),
    ("Thousands of protesters marched through the city centre on Sunday to demand the resignation of the "
     "prime minister.",
     "On Sunday thousands of demonstrators took to the streets of the capital calling on the prime minister "
     "to step down."),
    ("The company said it would cut 1,200 jobs over the next two years as part of a plan to reduce costs.",
     "As part of a plan to reduce costs over the next two years, 1,200 jobs will go, the company said."),
]
UNRELATED = [  # same topics, written independently
    ("Israel and the Palestinians have been negotiating for nine months without a breakthrough.",
     "The Palestinian president met the secretary of state in Amman for three hours."),
    ("The prime minister said the protests would not change the government's plans.",
     "The storm is expected to reach the coast by Tuesday evening, forecasters said."),
]
