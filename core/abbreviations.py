"""Word lists the segmenter consults around a period.

Kept apart from the scanner so the lists can grow without touching the logic. Lower-case keys
unless stated; a dotted key like "e.g" is the token before the final period.
"""

from __future__ import annotations

# Precede a name or a noun: never the last word of a sentence ("Sen. Rick Scott", "Mr. Smith").
NEVER_FINAL = frozenset(
    """mr mrs ms messrs mmes dr drs prof profs sen sens rep reps gov govs gen lt col capt cpt cmdr cdr
    sgt maj adm brig pres supt insp det rev revd hon rt fr msgr atty amb cpl pvt spc gens adms
    e.g i.e cf viz vs v approx ca""".split()
)

# Usually mid-sentence, but a sentence may end on them ("… Briggs & Co. It closed yesterday."):
# a boundary only when the next word is a typical sentence opener.
MAYBE_FINAL = frozenset(
    """co corp inc ltd llc plc bros jr sr st mt ft est dept univ assn ave blvd rd hwy sq pl
    al intl natl govt admin mio mrd bzw usw""".split()
)

# Same, but case-sensitive because the lower-case form is an ordinary word ("the sun. The …").
MAYBE_FINAL_CASED = frozenset(
    """Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
    Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont
    Neb Nev Okla Ore Pa Penn Tenn Tex Vt Va Wash Wis Wyo""".split()
)

# Before a number these never end a sentence ("p. 55", "No. 1", "N°. 1026", "Vol. 3").
BEFORE_NUMBER = frozenset(
    """p pp no nos nr n° nº vol vols fig figs art arts sec secs ch chap para paras pg ed op ex tel
    ph fax hal min max""".split()
)

# Capitalised words that typically open a sentence: after an ambiguous abbreviation ("U.S.", "Co.",
# an initial) they signal a real boundary; a name or noun ("U.S. Government") does not.
STARTERS = frozenset(
    """A An The This That These Those There Here It Its It's It’s He She They We I You His Her Their
    Our My Your Him Them One Some Many Most Several Both Each Every All Any No Not Nor None Neither
    Either Such Other Another Only Even Also Still Yet But And Or So Then Now Today Tomorrow
    Yesterday Tonight Last Next Later Earlier Meanwhile However Moreover Furthermore Instead Indeed
    Thus Therefore Hence Nevertheless Nonetheless Overall Finally First Second Third Besides
    Although Though While When Whenever Where Whereas Why How What Who Whom Whose Which Whether If
    Unless Because Since Until After Before During Despite According Among Amid Under Over In On
    At For From To With Without By As Once Like Unlike Following Asked Speaking Do Does Did Is
    Are Was Were Has Have Had Can Could Would Shall Should Might Must Let Please Yes
    Officials""".split()
)

# After a quote that ends in "?" or "!", a name then one of these is the attribution, not a new
# sentence: '“Why now?” Biden asked.'
SPEECH_VERBS = frozenset(
    """said says asked asks added adds told tells wrote writes replied replies responded shouted
    explained insisted noted warned tweeted posted continued recalled argued testified recounted
    declared stated admitted acknowledged conceded quipped joked wondered demanded pleaded cried
    yelled screamed whispered exclaimed countered retorted remarked announced concluded suggested
    insists notes warns tweets recalls argues""".split()
)
