"""The words attribution reads: speech verbs, source nouns, titles, demonyms, and the tables' names.

Every word list is a CSV file in ``helpers/data/`` with comment lines (``#``) above its
header that say what the list is for and where it comes from. The lists are read once,
when this module is imported, in the files' order; the ones other analyses share too
(titles, demonyms) are read by ``helpers.wordlists``.
"""

from __future__ import annotations

from ..wordlists import TITLE_ROLES, read_rows, read_word_list

# Quotations of fewer than this many words with no punctuation of their own inside the
# marks are quoted terms, not quotations: scare quotes and coinages ('to "lead"',
# 'a "framework" agreement', '"Lone wolf" attackers'). They are listed (form "term") but
# neither attributed nor counted. Three keeps real partial quotes such as 'said "it is
# clear"' and '"a big no."'; the same threshold as helpers.sentiment.MIN_QUOTE_WORDS.
MIN_QUOTE_WORDS = 3

# Each list below comes from reading wire and newspaper copy (AP and Reuters style: "said"
# for nearly everything, inverted "said X" after a quote); its file says what it is for.
SPEECH_VERBS = read_word_list("speech_verbs")  # said, told, added ... (past and present forms)
# Verbs news copy puts before their speaker ('," said Raj Patel', 'Said Toner:'); not "told".
INVERTIBLE_VERBS = read_word_list("invertible_verbs")
# Words between a speaker and the verb ("Kerry reportedly told", "Harf on Wednesday said").
BETWEEN_WORDS = read_word_list("between_words")
LEADING_CONJUNCTIONS = read_word_list("leading_conjunctions")  # skipped before a subject ("But Kerry said")
# A sentence opening with one of these has its subject after the first comma.
INTRODUCTORY_WORDS = read_word_list("introductory_words")
# Head nouns of unnamed sources ("a senior US official", "two diplomats"), and the
# determiners that make them unnamed; "the official" then refers back to the last one.
ANONYMOUS_HEADS = read_word_list("anonymous_heads")
ANONYMOUS_DETERMINERS = read_word_list("anonymous_determiners")
# Regular expressions for "asked not to be identified" and the like (AP's Statement of
# News Values asks for the reason to be given; these are the common wordings).
ANONYMITY_CUES = read_word_list("anonymity_cues")
# Role nouns that stand for a person in an article that names them with it (the roles of
# helpers/data/titles.csv); the actors table's ``roles`` column adds to them. HONORIFICS
# ("mr", "sen") are titles that are not roles; TITLE_WORDS, every word of every title, are
# never given names ("Secretary of State John Kerry"). All three: helpers.wordlists.
ROLE_NOUNS = TITLE_ROLES
# Descriptions that stand for a title ("top diplomat" -> secretary of state, foreign
# minister ...): "the top US diplomat" is the person the article names with one of them.
ROLE_DESCRIPTIONS = {row[0]: tuple(r for r in row[1].split(";") if r) for row in read_rows("role_descriptions")[1:]}
# Abbreviated titles before a full name ("Gov.", "Sen.") -> the role each stands for ("governor").
TITLE_ABBREVIATIONS = {row[0]: row[1] for row in read_rows("title_abbreviations")[1:]}
# Words that make a definite description one person's ("the top US diplomat", "the chief
# negotiator"): it is never read back to an unnamed source quoted before.
UNIQUE_MODIFIERS = frozenset({"top", "chief", "head", "lead", "leading"})
# Last words of organisation names ("State Department", "Parks Alliance", "White House").
ORG_WORDS = frozenset(read_word_list("organisation_words"))
# DEMONYMS (helpers.wordlists): adjectives of nationality -> the country names an actors
# table may list for them; they give an unnamed source ("an Israeli official") a side, and
# a word there is never a name.
# Lower-case particles inside names ("Rob van Bree", "Erik ten Hag").
NAME_PARTICLES = frozenset(read_word_list("name_particles"))
# Nouns for what someone said: "Sadhvi Prachi's comment that "..."" is her quotation.
SPEECH_NOUNS = read_word_list("speech_nouns")
# Nouns for a document that speaks for its author ("the statement said"): its author spoke before.
DOCUMENT_NOUNS = frozenset(read_word_list("document_nouns"))
# Nouns for a person just spoken of ("the SPD politician", "the veteran"): read as "he" is.
PERSON_NOUNS = frozenset(read_word_list("person_nouns"))
# Groups that open sentences with a capital ("Officials said"): not names, not unnamed sources.
GROUP_NOUNS = frozenset(read_word_list("group_nouns"))

# Speaker kinds, as the quotations table names them.
KIND_PERSON = "named person"
KIND_ANONYMOUS = "anonymous source"
KIND_ORGANISATION = "organisation"
KIND_UNKNOWN = "unknown"
SPEAKER_KINDS = (KIND_PERSON, KIND_ANONYMOUS, KIND_ORGANISATION, KIND_UNKNOWN)
NO_AFFILIATION = "no side listed"  # a speaker the actors table does not give a side
UNATTRIBUTED = "unattributed"

# The rules that attribute a quotation (the ``rule`` column). A quotation with no
# attribution of its own takes a neighbour's speaker by one of the INHERITED_RULES.
RULE_SPEAKER_VERB_AFTER = "quote, then speaker and verb"
RULE_VERB_SPEAKER_AFTER = "quote, then verb and speaker"
RULE_VERB_SPEAKER_BEFORE = "verb and speaker before the quote"
RULE_SPEAKER_VERB_BEFORE = "speaker and verb before the quote"
RULE_SUBJECT = "subject of the sentence"
RULE_ACCORDING_TO = "according to X"
RULE_SPEAKER_COLON = "speaker and a colon before the quote"
RULE_CONTINUES = "continues the quote before"
RULE_SAME_PARAGRAPH = "after an attribution in the same paragraph"
RULE_CONTINUES_PARAGRAPH = "continues the quote from the paragraph before"
RULE_OPENS_PARAGRAPH = "opens the paragraph after an attribution"
RULE_RUNS_ON = "runs on into the next paragraph's quote"
RULE_AFTER_SUBJECT = "opens the paragraph after one about its speaker"
RULE_LATER_IN_PARAGRAPH = "before an attribution in the same paragraph"
RULE_HEADING = "under a heading naming its speaker"
RULE_TERM = "quoted term, not a quotation"
INHERITED_RULES = (
    RULE_CONTINUES, RULE_SAME_PARAGRAPH, RULE_CONTINUES_PARAGRAPH, RULE_OPENS_PARAGRAPH, RULE_RUNS_ON,
    RULE_AFTER_SUBJECT, RULE_LATER_IN_PARAGRAPH, RULE_HEADING,
)

QUOTE_COLUMNS = [
    "article_id", "outlet", "sentence_id", "paragraph_n", "quote_n", "start_char", "end_char",
    "quote", "n_words", "form", "speaker", "speaker_kind", "affiliation", "verb", "speaker_as_written",
    "speaker_description", "rule", "resolution",
]
SOURCE_COLUMNS = [
    "article_id", "outlet", "sentence_id", "source_n", "source", "description", "cue", "affiliation",
    "n_attributions", "n_quotes", "sentence_ids",
]
# A speaker's phrase, with its appositive, is never longer than this many characters
# ("Deputy State Department Spokesman Mark Toner", "An Israeli source familiar with
# details of the Netanyahu-Kerry meeting," is 70): only this much text before a verb or
# at a sentence's start is read, so a runaway 27,000-character "sentence" stays fast.
MAX_PHRASE_CHARS = 300
