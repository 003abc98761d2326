"""Hand-written cue vocabularies for the ten practice codes.

Each cue is (regular expression, weight). Body cues are searched in the whole passage (lower-cased);
heading cues only in the passage's heading zone, where a topic word is strong evidence.
Negated statements ("we do not sell ...", "we do not respond to Do Not Track") still describe the
practice, so cues allow an optional negation instead of being blocked by it. A few cues weigh against a
practice (an opt-out of sharing is a choice, not a disclosure). Written from how policies are phrased,
not mined from any corpus; the weights were balanced by measuring on the OPP-115 dev passages.
Patterns run on lower-cased text; `cue_index` finds, per passage, the few that may match it (with RE2).
"""

from __future__ import annotations

# Optional negation/modality between a subject and its verb: "we may", "we do not", "we will never".
NEG = r"(?:(?:may|might|will|would|can|could|shall|do|does|did|also|only|generally|never|not|n't|'ll|won't|"
NEG += r"sometimes|occasionally|automatically|currently|routinely|typically|usually|otherwise|further|"
NEG += r"collectively|and|or|,)\s*)*"
WE = r"\b(?:we|us|our company|the company|our (?:site|website|service)s?)\s+" + NEG
INFO = r"(?:personal(?:ly identifiable)? |non-?personal |identifiable |your |the |this |such |certain |any |some |"
INFO += r"aggregate(?:d)? |anonymous |de-?identified )*(?:information|data|details|pii)"
PARTIES = (
    r"(?:third[- ]?part(?:y|ies)|outside (?:parties|companies)|other companies|unaffiliated|affiliates?|subsidiar|"
    r"partners?|service providers?|vendors?|contractors|advertisers?|sponsors?|business partners)"
)

FIRST_PARTY_BODY: list[tuple[str, float]] = [
    # Data received from third parties or other sources is the company's own collection.
    (
        r"\b(?:receive|obtain|collect|get|acquire)s?d? (?:[\w-]+ ){0,5}from (?:other |certain |selected |trusted )?"
        r"(?:third[- ]?part(?:y|ies)|other sources|outside sources|business partners|social (?:media|network))",
        2.0,
    ),
    (WE + r"(?:ask|request|require)s? (?:you|for|certain|some|your|information|additional|the following)", 2.0),
    (r"\b(?:using|analy[sz]ing|processing) (?:your|the|this|such) (?:personal )?(?:information|data|content)", 1.5),
    (r"\b(?:is|are|be|been) (?:also |only |solely |primarily |then )?used (?:to|for|by us|internally|in order)", 1.5),
    (r"\b(?:targeted|tailored|customi[sz]ed|personali[sz]ed) (?:to you )?based on (?:your|the)", 1.5),
    (
        r"\b(?:we|our \w+) (?:\w+ ){0,2}(?:use|uses|employ|employs) (?:\w+ ){0,3}(?:tools?|software|technolog(?:y|ies)|"
        r"services?|programs?) to (?:create|collect|analy|measure|track|understand|monitor|record|compile)",
        1.5,
    ),
    (r"\bwithout (?:telling us who you are|revealing|providing|giving|submitting|sharing|registering)", -1.5),
    (r"\bwe (?:may |might |will |also |only |do not |don't |never )*use your\b", 2.0),
    # Many policies name themselves instead of saying "we": verb forms alone carry the practice.
    (
        r"\b(?:collect|collects|collected|collecting|gather|gathers|gathered|obtains?|obtained|records?|recorded|"
        r"logs|logged|receives?|received|stores?|stored|tracks?|tracked)\b",
        0.6,
    ),
    (
        r"\b(?:may|will|can|might|to|also|generally|only|not) (?:also )?(?:use|process|analy[sz]e|merge|combine)"
        r" (?:your|this|the|such|that|these|those|it|them|information|data|cookies|demographic|member|"
        r"registration|aggregate|personal|non-?personal|automatic|email|e-mail|contact|any)",
        2.0,
    ),
    (
        r"\b(?:uses?|employs?|serves?|places?|sets?) (?:\w+ ){0,2}(?:'|\")?cookies?\b|"
        r"cookies (?:are|may be|will be) used|"
        r"\b(?:use|uses|using) (?:of )?(?:web beacons|pixels|tracking technologies|analytic)",
        1.5,
    ),
    (
        r"\b(?:information|data|it) (?:may|will|is|are|can|might) (?:also )?(?:only )?(?:be )?used (?:to|for|by us)|"
        r"\buses? (?:\w+ ){0,3}(?:information|data) (?:for|to)\b",
        2.0,
    ),
    (
        r"\bsend (?:[\w-]+ ){0,4}?(?:e-?mails?|newsletters?|offers|"
        r"messages|notices|communications|mailings|catalogs|updates|alerts)",
        1.5,
    ),
    (WE + r"(?:collect|gather|obtain|receive|record|log|capture|store|compile|acquire|track)", 2.5),
    (
        WE + r"(?:use|process|analy[sz]e|combine|aggregate|associate|link|match) (?:the |your |this |such |that )?"
        r"(?:personal |non-?personal |collected |aggregate |contact )?(?:information|data|details|pii)",
        1.25,
    ),
    (WE + r"(?:use|utilize|employ|may use) (?:it|them|cookies|web beacons|pixels|log files|tracking)", 2.0),
    (r"\binformation (?:that )?(?:we|is|are) (?:collect|gather|receive|obtain)", 2.0),
    (r"\b(?:collect|gather|obtain)(?:s|ed|ing)? (?:and (?:use|store)d? )?" + INFO, 1.5),
    (r"\b(?:collection|use) of (?:your )?(?:personal )?(?:information|data)", 1.0),
    (
        r"\b(?:you|users?|visitors?) (?:may |can |choose to |voluntarily |are asked to |will be asked to |must |"
        r"will be required to |are required to |will need to |need to )*"
        r"(?:provide|submit|give|enter|supply|share with us|send us)",
        1.5,
    ),
    (r"\b(?:we|you) (?:may )?(?:ask|request|require)s? (?:you )?(?:to )?(?:provide|for)", 1.5),
    (
        r"\bwhen you (?:register|sign up|create an? account|make a purchase|purchase|place an order|order|subscribe|"
        r"enter|participate|visit|use|browse|contact us|apply|log ?in|fill out|complete)",
        0.8,
    ),
    (
        r"\b(?:ip address|internet protocol|browser type|operating system|device (?:type|identifier|id)|"
        r"log (?:files?|data|information)|clickstream|referr(?:ing|er|al) (?:url|site|page|website)|"
        r"pages? (?:you )?(?:visit|view)|date and time|time (?:stamp|spent)|mac address|geo-?location|gps)",
        1.0,
    ),
    (
        r"\b(?:name|e-?mail address|mailing address|postal address|phone number|telephone number|"
        r"date of birth|zip code|credit card (?:number|information))\b",
        0.7,
    ),
    (r"\b(?:cookies?|web beacons?|pixel tags?|clear gifs?|tracking technologies|local storage|flash cookies)\b", 0.6),
    (
        r"\bto (?:improve|personali[sz]e|customi[sz]e|provide|operate|process|fulfill|respond to|send you|"
        r"communicate with you|contact you|deliver|administer|analy[sz]e|understand|tailor|measure)",
        0.5,
    ),
    (r"\bfor (?:internal|our own|research|analytic|statistical|marketing|administrative) ", 0.4),
]
FIRST_PARTY_HEAD: list[tuple[str, float]] = [
    (r"\b(?:information|data) (?:we|that we|you) (?:collect|gather|obtain|receive|provide|give|submit)", 3.0),
    (r"\b(?:what|types? of|kinds? of|categories of) (?:personal )?(?:information|data)", 2.5),
    (r"\b(?:how|why) (?:we|do we|does \w+) (?:collect|use|gather)", 3.0),
    (r"\b(?:use|uses|usage|collection|gathering) of (?:your |personal |the )?(?:information|data)", 3.0),
    (r"\b(?:information|data) (?:collection|collected|use|usage|gathering)", 2.5),
    (r"\b(?:automatically|passively) collected|collected automatically|log (?:files|data|information)", 2.5),
    (r"\b(?:information|data) (?:from|about) (?:you|other sources|third)", 2.0),
    (r"\bcookies\b|web beacons|tracking technolog|pixel|analytics", 1.0),
    (
        r"\b(?:registration|account information|user information|personal information|usage information|"
        r"device information|location information|contact information|demographic)",
        1.0,
    ),
]

# Someone other than the company doing the collecting or using: ad networks, analytics firms, "they".
OUTSIDERS = (
    r"(?:third[- ]?part(?:y|ies)(?: \w+)?|ad(?:vertising)? (?:networks?|servers?|serving companies|companies|partners)|"
    r"advertisers|analytics (?:companies|providers|services|partners)|these (?:companies|parties|partners|providers|"
    r"services|vendors|third parties)|such (?:companies|parties|third parties|partners|providers)|they|"
    r"other companies|(?:our )?(?:business |marketing )?partners|service providers|vendors|sponsors|google|facebook)"
)
THIRD_PARTY_BODY: list[tuple[str, float]] = [
    (r"\bopt(?:ing)?[- ]?out of (?:\w+ ){0,3}(?:shar|disclos|sale|sell|transfer|rent|having)", -2.0),
    (
        r"\b(?:provided|disclosed|transferred|given|made available|shared|sold|rented|released|passed|sent|forwarded)"
        r" (?:[\w,-]+ ){0,3}to (?:our |the |these |such |other |any |certain |select(?:ed)? |a |its |their )*"
        r"(?:[\w-]+ ){0,3}?(?:advertisers?|sponsors?|partners?|compan(?:y|ies)|third|affiliates?|vendors?|providers?|"
        r"operators?|licensors?|buyers?|purchasers?|successors?|acquir|government|authorities|agencies|publishers?)",
        2.5,
    ),
    (
        r"\b" + OUTSIDERS + r" (?:[\w,'()-]+ ){0,5}?(?:may |might |can |will |also |independently |automatically )*"
        r"(?:collect|gather|record|place|set|receive|serve|track|access|obtain|use cookies|use tracking|"
        r"use (?:this|the|that|such|your) (?:information|data)|have access|log)",
        3.0,
    ),
    (
        r"\b(?:allows?|permits?|lets?|enables?|authori[sz]es?) (?:[\w-]+ ){0,4}(?:third|other|outside|ad|analytics|"
        r"advertis|partners|companies|vendors)",
        3.0,
    ),
    (
        r"\b(?:hired|engage|engaged|use|uses|work with|partner with|contract with|retain) (?:[\w-]+ ){0,3}"
        r"(?:third[- ]?part|outside|other compan|service providers|vendors|companies|advertising compan|analytics)",
        2.0,
    ),
    (
        r"\b(?:forward|forwards|forwarded|transmit|transmits|transmitted|send|sends) (?:[\w'-]+ ){0,8}"
        r"(?:to|with) (?:the |a |our |these |such )?(?:[\w-]+ )?"
        r"(?:publisher|provider|partner|merchant|retailer|sponsor|third|vendor|franchise|dealer|advertiser|author|"
        r"company|companies)",
        2.0,
    ),
    (
        WE + r"(?:share|disclose|sell|rent|lease|trade|transfer|transmit|forward|release|provide|make available|give|"
        r"pass|exchange|distribute|report|license)",
        2.0,
    ),
    (
        r"\b(?:share|shares|shared|sharing|disclose|discloses|disclosed|disclosing|sell|sells|sold|rent|rents|"
        r"rented|trade|traded|distribute|distributed|pass(?:ed)? (?:on|along))\b",
        1.5,
    ),
    (
        r"\b(?:share|disclose|sell|rent|lease|trade|transfer|release|provide|exchange|pass)(?:s|d|ed|ing)? "
        r"(?:[\w,-]+ ){0,6}(?:with|to) (?:our |these |such |certain |other |select(?:ed)? |trusted |any |"
        r"unaffiliated |the )*" + PARTIES,
        1.5,
    ),
    (r"\bthird[- ]?part(?:y|ies)", 1.0),
    (r"\b(?:service providers?|vendors|contractors|agents|processors)\b", 1.0),
    (r"\b(?:on (?:our|its) behalf|perform (?:certain )?(?:services|functions))", 1.0),
    (r"\b(?:advertising|ad|analytics) (?:networks?|companies|partners|providers|servers?|vendors)", 0.75),
    (r"\b(?:google analytics|doubleclick|omniture|quantcast|comscore|nielsen|adobe analytics)", 1.2),
    (
        r"\b(?:merger|acquisition|bankruptcy|reorgani[sz]ation|divestiture|sale of (?:all|substantially|"
        r"some|our|the company|assets))",
        3.0,
    ),
    (
        r"\bmade? (?:\w+ )?available to|\b(?:required|requires|require) (?:\w+ )?by law|the law requires|"
        r"in good faith|protect (?:the |our )?(?:rights|property|safety)",
        1.5,
    ),
    (
        r"\b(?:law enforcement|subpoena|court order|legal process|government(?:al)? (?:agenc|authorit|request)|"
        r"comply with (?:applicable |any |the )?(?:law|legal))",
        2.25,
    ),
    (r"\b(?:affiliates|subsidiaries|sister companies|parent company|corporate family)\b", 1.0),
    (
        r"\b(?:these|such|those|other) (?:companies|third parties|partners|advertisers) (?:may )?"
        r"(?:use|collect|place|set|receive|have access)",
        2.0,
    ),
    (r"\b(?:social (?:media|network(?:ing)?) (?:plug-?ins?|features|widgets|sites|services))|\blike button", 0.8),
    (r"\b(?:posted|post|publicly|public areas?|can be (?:seen|viewed|read)|visible to (?:other|others|anyone))", 1.0),
]
THIRD_PARTY_HEAD: list[tuple[str, float]] = [
    (r"\b(?:shar(?:e|ing)|disclos(?:e|ure)|transfer|sell|sale|rent)", 2.5),
    (
        r"\bthird[- ]?part(?:y|ies)|service providers|vendors|partners|affiliates|advertis|ad serving|"
        r"business transfer|legal (?:requirements|process)|law enforcement",
        2.0,
    ),
    (r"\bwho (?:we|do we) share|with whom", 3.0),
]

USER_CHOICE_BODY: list[tuple[str, float]] = [
    (r"\bopt(?:ing)?[- ]?(?:out|in)\b|\bopt(?:s|ed)? (?:you )?(?:out|in)\b", 3.0),
    (r"\bunsubscrib", 3.0),
    # Opting out of sharing, or using the site without giving data, is a choice about that practice.
    (r"\bopt(?:ing)?[- ]?out of (?:\w+ ){0,3}(?:shar|disclos|sale|sell|transfer|rent|receiv|having|the use|use)", 3.0),
    (r"\bwithout (?:telling us who you are|revealing|providing|giving|submitting|sharing|registering|accepting)", 2.5),
    (
        r"\b(?:get to|free to|able to|option to|choose to|elect to) (?:choose|decide|opt|select|disassociate|unlink)|"
        r"\bcontrol over\b|\bdisassociate|\b(?:prefer|wish|want) not to (?:receive|be contacted|have)|"
        r"\bno longer (?:wish|want) to (?:receive|be)",
        2.0,
    ),
    (
        r"\b(?:ask for|obtain|seek|get|request) your (?:prior |express |explicit |affirmative )?(?:consent|permission)",
        2.0,
    ),
    (
        r"\b(?:disable|block|reject|refuse|decline|delete|remove|clear|turn off|manage|control|"
        r"not accept|stop accepting)s? (?:all |any |the |your |existing |new |third[- ]party |some |these )*"
        r"(?:cookies|cookie|flash cookies|local shared objects|tracking)",
        3.0,
    ),
    (
        r"\bbrowser(?:'s)? (?:settings|preferences|options|help|to (?:refuse|reject|block|notify))|"
        r"(?:help|tools) (?:menu|tab|section|portion|function)|set (?:your|the) browser",
        2.0,
    ),
    (
        r"\b(?:you|users) (?:may|can|have the (?:right|option|ability)|are able|will be able|will have the "
        r"(?:option|opportunity|ability)) (?:to )?(?:always )?(?:choose|elect|decline|refuse|object|withdraw)",
        1.25,
    ),
    (r"\b(?:your|the) (?:privacy |marketing |communication |advertising )?(?:choices|options)\b", 1.0),
    (r"\bif you (?:do not|don't|no longer) (?:want|wish|agree|consent|accept)", 1.5),
    (r"\b(?:stop|cease|discontinue) (?:receiving|getting|sending)", 2.0),
    (r"\b(?:withdraw|revoke) (?:your )?consent", 2.0),
    (
        r"\bwith(?:out)? your (?:prior |express |explicit )?consent|"
        r"\byour (?:express |explicit |affirmative )?(?:consent|permission|authori[sz]ation)",
        0.6,
    ),
    (
        r"\bnetworkadvertising|aboutads|youradchoices|\bnai\b|digital advertising alliance|"
        r"network advertising initiative|adchoices|opt-?out (?:page|tool|mechanism|link)",
        2.0,
    ),
    (r"\b(?:not required|voluntary|optional|you (?:are not|aren't) required|at your (?:option|discretion))", 1.2),
    (r"\b(?:may not (?:function|work)|some (?:features|parts|portions|areas)|unable to (?:use|access))", 0.8),
    # Deciding not to give data, and the settings a visitor can change, are choices.
    (r"\b(?:choose|elect|decide) not to\b|\b(?:your|the) choice whether\b|\b(?:choose|decide) whether\b", 2.0),
    (r"\b(?:make|have) (?:meaningful |informed |certain )?choices\b", 2.0),
    (
        r"\b(?:settings|preferences|options) (?:in|of|on) (?:your|the) (?:web |internet )?browser|"
        r"\b(?:chang|adjust|modify|configur)(?:e|es|ed|ing)? (?:\w+ ){0,2}(?:browser |privacy |cookie |ad |"
        r"advertising |marketing |e-?mail |communications? )(?:settings|preferences)",
        2.0,
    ),
    (r"\bprevent (?:\w+ ){0,2}(?:cookies|tracking|messages|e-?mails?)", 1.5),
    (
        r"\b(?:manage|control|limit) (?:how|whether|the way)\b|\b(?:you can|you may) (?:also )?(?:limit|restrict)\b|"
        r"\bchange your mind\b|\bprefer that we (?:do not|don't|not)\b",
        1.5,
    ),
]
USER_CHOICE_HEAD: list[tuple[str, float]] = [
    (
        r"\bchoices?\b|\bopt(?:ing)?[- ]?(?:out|in)|options|preferences|control|consent|unsubscrib|"
        r"(?:disabl|block|manag|refus)(?:e|ing) cookies",
        3.0,
    ),
]

USER_ACCESS_BODY: list[tuple[str, float]] = [
    (
        r"\b(?:access|review|update|correct|modify|edit|change|amend|rectify|delete|remove|erase)"
        r"(?:,? (?:and|or|and/or) \w+)?(?:,? (?:\w+,? )?(?:and|or|and/or) \w+)? "
        r"(?:to |or delete |and update )?(?:all |any |some |certain )?(?:of )?(?:your|their|his or her|my|the "
        r"(?:personal )?information (?:you|we hold|we have)) (?:[\w.'-]+ ){0,2}"
        r"(?:personal |personally identifiable |registration |account |profile |contact |stored |submitted |"
        r"previously submitted )*(?:information|data|details|account|profile|records?|preferences|pii)",
        2.5,
    ),
    (
        r"\b(?:you|users?|members?|customers?|visitors?|registrants|subscribers|parents?) (?:[\w,-]+ ){0,3}?"
        r"(?:may|can|could|will be able to|have the (?:right|ability|opportunity) to|are entitled to) "
        r"(?:[\w,-]+ ){0,3}?"
        r"(?:access|review|update|correct|modify|edit|change|delete|remove)",
        1.5,
    ),
    (
        r"\b(?:delete|close|deactivate|cancel|terminate|disable) (?:your |their |the )?(?:user |member )?"
        r"(?:account|profile|membership|registration)",
        2.5,
    ),
    (r"\b(?:request|obtain|receive|ask for) (?:access|a copy|deletion|correction|removal|a list)", 2.0),
    (r"\bright (?:to|of) (?:access|request|know|obtain|review|correct|rectif|delet|eras|data portability)", 2.5),
    (r"\b(?:inaccurate|incomplete|out of date|up to date|up-to-date|accurate|outdated)", 1.0),
    (r"\bdata portability|\bexport (?:your )?data", 2.0),
    # The same request said with other objects ("delete that information", "see the data we hold about you").
    (
        r"\b(?:update|correct|delete|remove|change|review|edit|modify) (?:or \w+ )?(?:that|this|such|the|any|your) "
        r"(?:\w+ )?(?:information|data|details)\b|"
        r"\b(?:see|view|review|obtain|know) (?:\w+ ){0,3}(?:information|data) (?:we|that we) "
        r"(?:hold|have|maintain|keep|store)",
        1.5,
    ),
    (
        r"\b(?:changed|updated|corrected|deleted|removed|erased) (?:\w+ ){0,2}from (?:our|its|the) (?:records|database|"
        r"databases|systems?|files)|"
        r"\b(?:make|request|submit|ask for) (?:any )?(?:changes|corrections|updates|modifications|deletion) "
        r"(?:to|of|in)\b|"
        r"\b(?:have|has) (?:your|their|the|any) (?:\w+ ){0,3}(?:information|data|account|profile) (?:\w+ )?"
        r"(?:deleted|removed|corrected|changed|updated|erased)",
        1.5,
    ),
]
USER_ACCESS_HEAD: list[tuple[str, float]] = [
    (
        r"\baccess(?:ing)?\b|\bupdat(?:e|ing)\b|\bcorrect(?:ing|ion)?\b|\breview(?:ing)?\b|\bedit(?:ing)?\b|"
        r"\bmodif|\bdelet(?:e|ing|ion)|\bchang(?:e|ing) (?:your|personal)|your rights|data subject rights",
        2.5,
    ),
]

RETENTION_BODY: list[tuple[str, float]] = [
    (
        r"\b(?:keep|keeps|kept|maintain|maintains|save|saves|saved) (?:a |an )?(?:complete |permanent |full )?"
        r"(?:log|logs|record|records|copy|copies|archive|history) of",
        2.5,
    ),
    (
        r"\b(?:promptly|immediately|permanently|automatically|periodically) (?:delete|deleted|remove|removed|erase|"
        r"purge|destroy)|(?:do not|don't|will not|won't|never) (?:store|keep|retain|save)|"
        r"\b(?:remain|remains|persist|persists) (?:on|in|within|visible|available|accessible|stored)",
        2.0,
    ),
    (r"\bretain(?:s|ed|ing)?\b|\bretention\b", 3.0),
    (
        r"\b(?:keep|keeps|kept|store|stores|stored|maintain|maintains|maintained|hold|held|preserve)"
        r" (?:[\w'-]+ ){0,5}(?:for (?:as long|a period|the (?:period|duration|length|time)|up to|no longer|"
        r"\d+|one|two|three|six|twelve|thirty|ninety|a (?:limited|reasonable|minimum))|"
        r"as long as|until|indefinitely|permanently)",
        3.0,
    ),
    (r"\b(?:as long as|no longer than) (?:is |are )?(?:necessary|needed|required|reasonably|your account|you)", 2.0),
    (r"\bafter (?:\d+|thirty|sixty|ninety|a period of|a reasonable|\w+ (?:days|months|years))", 1.5),
    (
        r"\b\d+ (?:days|months|years)\b|\b(?:thirty|sixty|ninety|six|twelve|eighteen|two|three|five|seven) "
        r"(?:days|months|years)\b",
        1.0,
    ),
    (r"\b(?:backup|back-up|archiv|residual copies|cached copies|remain in our (?:records|databases|systems))", 1.5),
    (
        r"\b(?:delete|destroy|purge|anonymi[sz]e|erase|dispose)(?:s|d)? (?:[\w'-]+ ){0,4}(?:after|when|once|within|"
        r"periodically|no longer)",
        2.0,
    ),
    (r"\bhow long\b", 2.0),
    # How long, said as a span or as "for ever"; and data that outlives a deletion.
    (r"\bindefinitely\b|\bin perpetuity\b|\bretention (?:period|schedule|policy|policies)\b", 3.0),
    (
        r"\bfor (?:up to |at least |a period of |approximately |about |a minimum of |a maximum of )?(?:\d+|one|two|"
        r"three|four|five|six|seven|ten|twelve|eighteen|twenty|thirty|sixty|ninety) (?:\w+ )?"
        r"(?:days|weeks|months|years)\b",
        2.0,
    ),
    (
        r"\bnot (?:be )?(?:\w+ )?(?:deleted|removed|erased|purged)\b|\b(?:continue to|will|may) (?:still )?"
        r"(?:exist|persist)\b|\b(?:store|keep|save|retain)s? (?:\w+ ){0,2}(?:the most recent|only the last)\b",
        2.0,
    ),
]
RETENTION_HEAD: list[tuple[str, float]] = [
    (r"\bretention|\bretain|how long|storage of|\bstor(?:e|ing|age)\b|keep", 3.0),
]

SECURITY_BODY: list[tuple[str, float]] = [
    (r"\bsecur(?:e|ity|ed|ely)\b", 1.5),
    (r"\b(?:safeguard|safeguards|safeguarding)\b", 2.0),
    (r"\bencrypt|\bssl\b|\btls\b|secure sockets? layer|https|firewall|intrusion|password[- ]protected", 2.5),
    (
        r"\bunauthori[sz]ed (?:access|use|disclosure|alteration)|\b(?:loss|theft),? (?:misuse|and misuse)|"
        r"misuse,? (?:alteration|or alteration|unauthorized)",
        2.5,
    ),
    (
        r"\b(?:physical|technical|administrative|electronic|procedural|organi[sz]ational),? (?:(?:and|or) )?"
        r"(?:\w+,? )?(?:and |or )?(?:\w+ )?(?:safeguards|measures|security|precautions|procedures|controls)",
        2.5,
    ),
    (
        r"\b(?:protect|protects|protecting|protected) (?:the |your |our |such |all |this )?(?:[\w-]+ )?"
        r"(?:information|data|privacy|security|confidentiality|account)",
        1.5,
    ),
    (
        r"\b(?:no|cannot) (?:\w+ ){0,4}(?:100%|completely|absolutely|perfectly|fully|guarantee)|"
        r"(?:cannot|can't|do not|does not) (?:\w+ )?(?:guarantee|ensure|warrant)",
        1.5,
    ),
    (
        r"\b(?:reasonable|appropriate|industry[- ]standard|commercially reasonable) (?:\w+ )?(?:measures|steps|"
        r"precautions|efforts|security|safeguards|methods|procedures|practices|technologies|controls)",
        1.5,
    ),
    (
        r"\b(?:restrict|limit)s? (?:their |its |the )?access|comparable (?:level|degree) of (?:protection|security)|"
        r"\bcontractual(?:ly)? (?:obligat|requir|bound|agree)|"
        r"(?:required|obligated|bound) to (?:protect|keep|maintain) "
        r"(?:\w+ ){0,3}(?:confidential|secure|security|protect)",
        2.0,
    ),
    (
        r"\b(?:keep|kept) (?:your )?(?:password|user ?name|account (?:information|credentials)) "
        r"(?:\w+ )?(?:confidential|secret|safe|private)|(?:do not|never) (?:share|disclose|divulge) "
        r"(?:your )?(?:password|user ?name)|sign (?:off|out)|log (?:off|out)",
        2.0,
    ),
    (
        r"\b(?:limit|restrict)s? access|need to know|confidentiality (?:agreements|obligations)|"
        r"(?:employees|staff) who need",
        1.5,
    ),
    (r"\bbreach|hack(?:er|ed|ing)?|\bvirus", 1.0),
    # The usual disclaimer ("no transmission over the Internet can be guaranteed to be 100% secure") and advice
    # to keep credentials safe.
    (
        r"\bno (?:data |method of )?transmissions? (?:\w+ ){0,6}(?:secure|guaranteed)|\b(?:safe|secure) place\b|"
        r"\bnot (?:to )?divulge\b",
        2.5,
    ),
]
SECURITY_HEAD: list[tuple[str, float]] = [
    (r"\bsecur(?:e|ity)|protect|safeguard|confidentiality|encrypt", 3.5),
]

CHANGE_BODY: list[tuple[str, float]] = [
    (
        r"\b(?:change|changes|changed|modify|modifies|modified|modification|update|updates|updated|amend|amends|"
        r"amended|amendment|revise|revises|revised|revision|alter|alters) "
        r"(?:\w+ ){0,4}(?:this|our|the|these|its) (?:online |website )?(?:privacy )?(?:policy|policies|statement|"
        r"notice|terms|practices)",
        3.0,
    ),
    (
        r"\b(?:changes|modifications|updates|revisions|amendments) (?:to|in) (?:this|our|the) (?:privacy )?"
        r"(?:policy|statement|notice)",
        3.5,
    ),
    (r"\b(?:material|significant|substantive) changes?", 2.0),
    (
        r"\b(?:check|review|visit|consult)(?:ing)? (?:this|the|our) (?:privacy )?(?:policy|page|statement|notice)? ?"
        r"(?:periodically|regularly|frequently|often|from time to time)|periodically (?:check|review|visit)",
        2.5,
    ),
    (r"\b(?:continued|continuing|continue to) (?:use|access|using)", 1.5),
    (r"\bwe (?:will|may|shall) (?:notify|inform|alert|post|let) you", 1.0),
    (r"\b(?:revised|updated|new|amended) (?:privacy )?(?:policy|statement|notice|version)", 1.5),
    (r"\breserves? the right to (?:change|modify|update|amend|revise|alter)", 2.5),
    (r"\beffective date\b|\blast (?:updated|revised|modified)\b", 0.8),
]
CHANGE_HEAD: list[tuple[str, float]] = [
    (r"\bchanges?\b|\bupdates?\b|\bamendments?\b|\brevisions?\b|\bmodifications?\b", 3.0),
]

DNT_BODY: list[tuple[str, float]] = [
    (r"\bdo[- ]not[- ]track\b|\bdnt\b|\btracking preference (?:signal|expression)", 8.0),
]
DNT_HEAD: list[tuple[str, float]] = []

AUDIENCE_BODY: list[tuple[str, float]] = [
    (r"\bchild(?:ren)?(?:'s|s')?\b|\bkids?\b|\bminors?\b|\bteen(?:s|agers?)?\b", 2.5),
    (
        # "under 18 U.S.C. 2705" cites a statute, not an age.
        r"\bunder (?:the age of |age |)(?:13|sixteen|16|18|thirteen|eighteen)\b(?! ?u\.?s\.?c)|"
        r"\b(?:13|16|18) years (?:of age|old)|"
        r"\bage of (?:13|16|18|majority)",
        2.5,
    ),
    (
        r"\bcoppa\b|children's online privacy protection|parental (?:consent|permission)|guardians?|"
        r"(?<!corporate )\bparents?\b(?! (?:company|companies|corporation|organi[sz]ation|or (?:any )?subsidiar|"
        r"and (?:other )?affiliat|entit))",
        2.5,
    ),
    (r"\bcalifornia\b|shine the light|\b1798\.|\bccpa\b|\bnevada\b|\bvermont\b", 3.0),
    (
        r"\beuropean (?:union|economic area|commission)|\b(?:eu|eea|uk)\b|\bgdpr\b|safe harbou?r|privacy shield|"
        r"swiss|switzerland|\bcanad(?:a|ian)\b|\baustralia",
        3.0,
    ),
    (
        r"\b(?:outside|other than) (?:of )?(?:the )?(?:united states|u\.s\.|us|your country)|"
        r"\binternational (?:users|visitors|transfers?|data)|\bcross[- ]border|"
        r"\b(?:transfer(?:red)?|processed|stored) (?:\w+ ){0,4}(?:in|to) (?:the )?"
        r"(?:united states|u\.s\.|other countries|countries other)|"
        r"\bcountr(?:y|ies) (?:other than|outside|where)",
        2.5,
    ),
    (r"\bresidents? of|\b(?:students|teachers|educators|schools)\b", 1.0),
]
AUDIENCE_HEAD: list[tuple[str, float]] = [
    (
        r"\bchild|\bkids\b|\bminors?\b|\bteen|\bcoppa|\bparent|california|international|\beu\b|europe|"
        r"safe harbou?r|privacy shield|residents|visitors (?:from )?outside|\bnevada",
        3.5,
    ),
]

OTHER_BODY: list[tuple[str, float]] = [
    # Matters outside the ten practices: ownership of submissions, moderation, scams, accessibility.
    (
        r"\bbecomes? (?:our|the) (?:sole |exclusive )?property|\bclaim of ownership|\bintellectual property|"
        r"\b(?:trademarks?|copyrights?) (?:owner|agent|infringement|notice)|\b(?:monitor|moderate|remove|edit) "
        r"(?:any )?(?:user content|postings|posts|comments|content you post)|\bphishing|\bscams?\b|"
        r"\baccessibility|\bassistive technolog|\bscreen readers?",
        2.0,
    ),
    # Merging data sets and privacy seal programmes are practices the ten categories do not name.
    (r"\b(?:merge|merges|merged|combine|combines|combined|co-?mingle) (?:\w+ ){0,5}(?:information|data|records)", 2.0),
    (
        r"\btruste\b|\besrb\b|privacy seal|certification seal|seal (?:program|provider)|bbbonline|"
        r"self[- ]regulatory (?:program|principles|framework)",
        3.75,
    ),
    (
        r"\b(?:by (?:using|visiting|accessing|submitting|registering|continuing)|"
        r"you (?:hereby )?(?:agree|accept|consent) to (?:the|this|these|our) "
        r"(?:terms|privacy|policy|policies|practices)|"
        r"you are (?:accepting|agreeing|consenting)|"
        r"(?:signify|indicate|constitute)s? (?:your )?(?:consent|acceptance|agreement))",
        1.25,
    ),
    (
        r"\b(?:do not|don't|cannot|can't|does not|doesn't) (?:\w+ )?control (?:the |their |such |these )?|"
        r"not (?:governed|covered) by this|"
        r"(?:bound by|subject to|governed by) (?!a different|a new|different)(?:the |their |its |such |that )?"
        r"(?:[\w'-]+ ){0,3}privacy polic|"
        r"encourage you to (?:read|review|consult|check)|(?:read|review|consult) (?:the|their|its) "
        r"(?:\w+ ){0,2}privacy (?:policies|policy|statements?|practices)",
        3.0,
    ),
    (
        r"\b(?:this|our|the) (?:online )?(?:privacy )?(?:policy|statement|notice) (?:\w+ ){0,2}(?:applies|describes|"
        r"explains|covers|governs|sets out|outlines|discloses|is (?:intended|designed|meant)|"
        r"does not (?:apply|cover)|only applies)",
        3.0,
    ),
    (
        r"\b(?:contact us|questions?,? (?:comments |concerns )?(?:or (?:comments|concerns|complaints) )?"
        r"(?:about|regarding|concerning)|please (?:contact|write|email|e-mail|call|send)|"
        r"(?:write|send|mail) (?:to )?us at)",
        2.0,
    ),
    (r"\w@[\w-]+\.[a-z]{2,}|\b\d{3}[-. )]+\d{3}[-. ]\d{4}\b|\b(?:suite|street|avenue|blvd|p\.?o\.? box)\b", 1.5),
    (r"\b(?:terms of (?:use|service)|user agreement|terms and conditions)\b", 1.0),
    (
        r"\b(?:links? to|linked) (?:other|third[- ]party|external)? ?(?:web ?sites|sites|services|pages)|"
        r"not responsible for (?:the )?(?:privacy |content|practices|policies)|"
        r"(?:own|their) (?:separate |respective )?privacy (?:policies|policy|practices|statements)",
        2.5,
    ),
    (
        r"\b(?:is committed to|(?:respects?|protects?|values?|cares? about) (?:and protects )?(?:your |the |customer |"
        r"user |visitor )?privacy|takes? (?:\w+ ){0,3}(?:your )?privacy (?:very )?seriously|privacy is important|"
        r"(?:value|values|care about) your privacy|privacy (?:and trust )?(?:is|are) (?:very )?important)",
        3.0,
    ),
    (
        r"\b(?:cookies? (?:is|are) (?:a )?(?:small|tiny|simple)|a (?:\"|')?cookie(?:\"|')? is|(?:web beacons?|pixels?|"
        r"clear gifs?)(?:,? also known as [^,]+,)? (?:is|are) (?:a )?(?:small|tiny|electronic|transparent))",
        2.0,
    ),
    (r"\b(?:means|refers to|shall mean|defined as|definitions?)\b", 0.8),
    (r"\b(?:effective (?:date|as of|on)|last (?:updated|revised|modified)|copyright|all rights reserved)", 1.5),
    (r"\b(?:governing law|jurisdiction of the courts|arbitration|dispute|liability|indemnif|warrant(?:y|ies))", 1.2),
]
OTHER_HEAD: list[tuple[str, float]] = [
    (
        r"\bdisclaimers?|\bcontact(?:ing)? us|\bquestions|\bintroduction|\boverview|\bscope|\bdefinitions|"
        r"\babout (?:this|us|our)|"
        r"\blinks?\b|\bterms\b|\bprivacy (?:policy|notice|statement)$|table of contents|\bcontents\b|"
        r"\bhow to contact",
        3.0,
    ),
]

VOCAB: dict[str, tuple[list[tuple[str, float]], list[tuple[str, float]]]] = {
    "first_party_collection": (FIRST_PARTY_BODY, FIRST_PARTY_HEAD),
    "third_party_sharing": (THIRD_PARTY_BODY, THIRD_PARTY_HEAD),
    "user_choice": (USER_CHOICE_BODY, USER_CHOICE_HEAD),
    "user_access": (USER_ACCESS_BODY, USER_ACCESS_HEAD),
    "data_retention": (RETENTION_BODY, RETENTION_HEAD),
    "data_security": (SECURITY_BODY, SECURITY_HEAD),
    "policy_change": (CHANGE_BODY, CHANGE_HEAD),
    "do_not_track": (DNT_BODY, DNT_HEAD),
    "specific_audiences": (AUDIENCE_BODY, AUDIENCE_HEAD),
    "other": (OTHER_BODY, OTHER_HEAD),
}
