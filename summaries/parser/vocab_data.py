"""Words for the kinds of personal data (the `collected` codes) and for the act of collecting.

Written by hand from common privacy-policy wording. Order matters: at one position the first code
whose words match wins, so compound terms ("social media user names", "IP address", "call
recordings") come before the bare words they contain ("user names", "address", "recordings").
"""

from __future__ import annotations

import re

from summaries.parser.wordmatch import WordMatcher

# Phrases that contain a data word but name something else ("in order to", "the age of 13").
_IGNORE = [
    r"in order (?:to|for)",
    r"(?:brand|product|file|host|trade|domain|company|business|family|legal|screen|user)[- ]?names?(?= of the)",
    r"(?:the|an?) (?:age|ages) of \d+",
    r"(?:under|over|at least|below) (?:the )?age",
    r"age (?:requirements?|restrictions?|verification|limit)",
    r"location (?:of|on) the",
    r"(?:store|retail|office|our) locations?",
    r"return(?:s|ing)? to (?:our|the|this)",
    r"(?:privacy|cookie|this|our) (?:policy|notice|statement)",
    r"authori[sz]ed agent",
    r"(?:unauthori[sz]ed|prevent) access",
    r"contact us",
    r"chat rooms?",
    r"(?:account|privacy|profile|browser|cookie) (?:settings|preferences)|account profile",
    r"(?:must|should|please|to|continue to|periodically) review",
]

CODES: dict[str, list[str]] = {
    "social_media": [
        r"social (?:media|network(?:ing)?) (?:user ?names?|handles?|accounts?|profiles?|information|data|ids?|"
        r"credentials|log-?ins?|pages?|channels?|sites?|platforms?|networks?)",
        r"(?:facebook|twitter|instagram|linkedin|google\+?|pinterest|tiktok) (?:profile|account|id|log-?in|"
        r"friends|connect|user ?name|handle)s?",
        r"friends? lists?",
        r"(?:your )?(?:contacts|friends|followers) (?:on|from) (?:social|facebook|twitter)",
        r"social media",
    ],
    "device": [
        r"(?:ip|internet protocol)(?: \(internet protocol\))?(?:\s+\(ip\))? address(?:es)?",
        r"\bip\b",
        r"device (?:identifiers?|ids?|information|type|model|data|characteristics|settings|attributes|name)s?",
        r"(?:unique|mobile|advertising) (?:device )?(?:identifiers?|ids?)",
        r"(?:mobile )?device (?:information|identifiers?)",
        r"browser (?:type|version|information|language|settings|characteristics|name)s?",
        r"type of (?:web )?browser",
        r"operating system(?: version)?s?",
        r"hardware (?:model|settings|information)",
        r"mac address(?:es)?",
        r"\b(?:imei|idfa|udid|aaid)\b",
        r"(?:internet|mobile|wireless) (?:service provider|carrier)s?|\bisps?\b",
        r"domain names?",
        r"computer (?:information|type|settings)",
        r"user[- ]agent",
        r"screen (?:resolution|size)",
        r"(?:server|web server|access|log) (?:logs?|files|data|information)",
        r"log (?:files?|data|information)",
        r"host ?names?",
        r"device (?:you use|used)",
        r"(?:telephony|mobile phone) (?:log )?information",
        r"type of (?:computer|device|mobile device)",
    ],
    "account": [
        r"user ?names?|screen ?names?|log-?in (?:names?|ids?|credentials|information|details|history)",
        r"passwords?|pass ?codes?|passphrases?",
        r"security (?:questions?|answers?|information for authentication)",
        r"account (?:information|credentials|number|details|name|data|id|history)",
        r"(?:customer|member|membership|user|loyalty) (?:number|id|account number)s?",
        r"(?:login|sign-?in) (?:credentials|history|information)",
        r"(?:registration|profile) (?:information|data|details)",
        r"\bcredentials\b",
    ],
    "government_id": [
        r"social security (?:numbers?|nos?\.?)|\bssns?\b",
        r"driver[’']?s? licen[cs]es?(?: numbers?)?",
        r"passports?(?: numbers?)?",
        r"(?:tax|taxpayer) (?:identification|id)(?: numbers?)?|\btins?\b",
        r"(?:federal )?employer identification numbers?|\bf?eins?\b",
        r"(?:national|government[- ]issued|state) (?:id|identification|identity)(?: cards?| numbers?)?",
        r"resale (?:numbers?|certificates?)",
        r"(?:identity|id) (?:cards?|documents?)",
    ],
    "financial": [
        r"(?:credit|debit|payment|bank|gift)[- /](?:or debit |/debit |or credit )?cards?(?: numbers?| information"
        r"| details| data)?",
        r"credit/debit cards?(?: numbers?| details| information)?",
        r"card numbers?|card (?:details|information|holder)",
        r"bank (?:account|routing)s?(?: numbers?| information| details)?|(?:routing|iban|swift) numbers?",
        r"payment (?:information|details|data|methods?|preferences|history|instruments?)",
        r"billing (?:information|details|data)",
        r"financial (?:information|data|details|account)s?",
        r"\bcvv2?\b|\bcvc\b|card security codes?|security/cvv codes?|expiration dates?",
        r"credit (?:history|scores?|worthiness|reports?|information)",
        r"financing information",
        r"(?:checking|savings) accounts?",
        r"account numbers?",
    ],
    "demographic": [
        r"demographic(?:s| information| data| details)?",
        r"dates? of birth|birth ?dates?|birthdays?|\bdob\b",
        r"\bages?\b",
        r"\bgender\b|\bsex\b",
        r"(?:household )?income|salary(?: information)?|\bwages?\b",
        r"marital status|household (?:size|composition)|number of children",
        r"(?:preferred|primary|native) language|language preferences?",
        r"nationality|citizenship",
        r"education(?:al)? (?:level|background|history)",
    ],
    "professional": [
        r"job (?:title|function|position)s?|(?:your|professional) titles?",
        r"employ(?:er|ment)(?: information| history| status| details|s)?|employment[- ]related information",
        r"(?:job|work|career) history|resumes?",
        r"occupations?|professions?\b|professional (?:information|details|background)",
        r"(?:company|business|employer|organization)(?:[’']s)? names?|names? of (?:your|the) (?:company|employer"
        r"|business)",
        r"work (?:history|experience|address|phone|email)",
        # a noun closing a list item ("job title, industry, company size"), not the adjective of
        # "industry standards" or "industry-leading"
        r"\bindustry\b(?=\s*(?:[,;.)/]|and\b|or\b|$))",
    ],
    "contact": [
        r"contact (?:information|details|info|data)",
        r"e-?mail (?:address(?:es)?|(?:\(es\))?)|e-?mail(?:\(s\))?\b",
        r"(?:postal|mailing|physical|home|billing|shipping|street|delivery|mail) address(?:es|\(es\))?",
        r"(?<!ip )(?<!mac )(?<!protocol )\baddress(?:es|\(es\))?\b",
        r"(?:tele)?phone(?: and facsimile)? (?:numbers?|no\.?)|mobile (?:phone )?numbers?"
        r"|cell(?:ular)? (?:phone )?numbers?",
        r"\btelephone\b|\bfax\b|facsimile",
        r"\bzip(?: code)?s?\b|postal codes?",
        r"(?:first|last|full|real|legal|your) names?|\bnames?\b",
    ],
    "location": [
        r"geo-?location(?: data| information)?",
        r"\bgps\b(?: information| data| coordinates)?",
        r"(?:precise|approximate|general|physical|geographic(?:al)?|device|real-time|current) locations?",
        r"location (?:data|information|services|history)",
        r"latitude|longitude|cell towers?|wi-?fi access points",
        r"hometown|home town|city|country of residence",
        r"\blocation\b",
    ],
    "online_activity": [
        r"brows(?:ing|er) (?:history|activit(?:y|ies)|behaviou?r|patterns|data|sessions?|habits)",
        r"click ?stream(?: data)?|click(?:ing)? (?:history|data|patterns)|clicks?\b",
        r"(?:web )?pages? (?:you )?(?:visited|viewed|visit|view|requested|requests)|pages? (?:that )?you (?:visit"
        r"|view)",
        r"search (?:queries|terms|history|requests)",
        r"time (?:spent|and date of|stamps?)|(?:date|dates) and times?|duration of (?:your )?visits?",
        r"(?:referr?(?:ing|er)|exit)(?:/exit)? (?:url|website|web ?page|page|site)s?",
        r"(?:internet|online|electronic|network|web|website|site) (?:or other electronic )?activit(?:y|ies)",
        r"usage (?:data|information|statistics|details|patterns)",
        r"(?:information|data|details|statistics) (?:about|regarding|on|concerning) (?:your |how you )?(?:use of"
        r"|usage of|"
        r"activit(?:y|ies) on|interactions? with|visits? to|use) (?:the|our|this|these)",
        r"how (?:you|users|visitors) (?:use|interact|navigate|browse)",
        r"(?:links?|ads?|advertisements?) (?:you )?(?:click|clicked|viewed)",
        r"(?:interactions?|activit(?:y|ies)) (?:with|on) (?:our|the) (?:sites?|websites?|services?|apps?|emails?)",
        r"access times?|visit information|number of visits|navigation",
        r"what you click|how long you (?:stay|spend|remain)|length of (?:your )?(?:visits?|stay|time)",
        r"pages? (?:people|users|visitors) (?:visit|view)|url of the request|urls? (?:you )?(?:visit|visited"
        r"|requested)|"
        r"requested urls?|(?:web ?)?page from which you came|(?:page|site|url|website) you came from|"
        r"(?:last|previous) (?:domain|site|page|website) you visited",
        r"(?:email|e-mail) (?:receipt|open|read)",
    ],
    "cookies": [
        r"(?:http |browser |flash |session |persistent |third[- ]party |essential |performance |functional(?:ity)? )?"
        r"cookies?",
        r"web ?beacons?|tracking pixels?|pixel tags?|pixels|clear gifs?|tracer tags?|spotlight tags|single-pixel gifs?",
        r"local (?:shared objects|storage)|\blsos?\b|\bsdks?\b|tags and scripts",
        r"tracking (?:technologies|tools|technology)|similar technologies",
    ],
    "purchases": [
        r"purchase (?:history|information|records|details|data|behaviou?r|activity)",
        r"(?:products?|items?|merchandise|goods) (?:you )?(?:have )?(?:purchased|bought|viewed|ordered)",
        r"order (?:history|details|information|data|records)|orders? (?:you place|placed|you have placed)",
        r"transaction(?:al)? (?:history|information|data|details|records)|transaction numbers?",
        r"commercial information|invoices|credit memos",
        r"shopping (?:cart|bag|basket) (?:information|contents|data)|(?:items"
        r"|products) in your (?:shopping )?(?:cart|bag)",
        r"(?:product )?returns? history|wish ?lists?|gift (?:lists?|registr(?:y|ies))",
        r"(?:information|details|records?|history) (?:about|of|regarding) (?:your )?(?:purchases|transactions|orders)",
        r"(?:your )?(?:purchases|orders|transactions) with us",
    ],
    "communications": [
        r"(?:customer[- ]service|support) (?:chats?|e-?mails|calls|tickets|interactions|communications|"
        r"correspondence|records|inquiries)",
        r"(?:service )?call recordings?|recordings? of (?:calls|telephone calls|your calls)",
        r"(?:chat|instant) messages|live chats?|\bchats\b|private messages",
        r"support tickets?|inquiry forms?",
        r"(?:communications?|correspondence|contact history|messages)(?: and (?:contact history|"
        r"interactions?))? (?:(?:that )?you (?:initiate|have|send|make)(?: to| with)? us|with us|you send (?:to )?us)",
        r"contents? of (?:your )?(?:e-?mails|messages|communications|correspondence)",
        r"(?:records?|copy|copies|log) of (?:your|that|such|any) (?:communications?|correspondence|e-?mails|messages"
        r"|calls)",
        r"your (?:communications?|correspondence|inquir(?:y|ies)|e-?mails|messages)(?= to us| with us|,| and)",
        r"(?:questions|inquiries|comments|e-?mails|messages|letters) (?:you send|sent) (?:to )?us",
    ],
    "user_content": [
        r"(?:product |customer )reviews?|reviews\b|(?:write|post|submit) (?:a )?reviews?|ratings",
        r"forum posts?|(?:blog|message board|bulletin board) posts?|\bposts\b|postings",
        r"comments?|suggestions|testimonials|feedback",
        r"survey (?:responses|answers|data|information)|responses to (?:our )?surveys|respond to (?:a "
        r"|one of our )?surveys?",
        r"(?:contest|sweepstakes|promotion) entr(?:y|ies)|enter (?:into )?a contest|participat(?:e|ion) in (?:a )?"
        r"(?:contests?|promotions|sweepstakes|surveys?)",
        r"user[- ]generated content|(?:content|materials?) (?:that )?you (?:post|submit|upload|create|share)",
        r"(?:information|data) (?:that |which |when )?you (?:upload|post)\b",
    ],
    "audio_visual": [
        r"audio(?:,| and| or)? (?:electronic, )?(?:visual|video)(?: information| data| recordings)?",
        r"photo(?:graph)?s?|pictures|videos?|images? (?:you upload|of you)",
        r"voice recordings?|audio recordings?",
    ],
    "inferences": [
        r"inferences?|inferred",
        r"(?:create|build|develop)s? (?:a )?profiles? (?:about|of) you|profile about you",
        r"preferences, characteristics|characteristics, (?:psychological|behaviou?r)",
        r"predict(?:ions)? about",
    ],
    "health": [
        r"medical(?: or health)?(?: conditions?| information| history| records| data)?",
        r"health(?: or medical)? (?:information|conditions?|data|records|status|history)",
        r"prescriptions?|diagnos[ie]s|disabilit(?:y|ies)|allerg(?:y|ies)",
    ],
    "sensitive": [
        r"racial|ethnic(?:ity| origin)?|religio(?:n|us)(?: beliefs)?|philosophical beliefs|political (?:opinions|views|"
        r"affiliations?|beliefs)",
        r"(?:trade )?union(?:-related)? membership",
        r"criminal (?:records?|history|convictions?|proceedings|offen[cs]es)",
        r"sexual (?:orientation|life|preferences)|sex life",
        r"sensitive personal (?:information|data)",
    ],
    "biometric": [
        r"biometric(?:s| information| data| identifiers?)?",
        r"fingerprints?|face (?:geometry|prints?|scans?)|facial (?:recognition|geometry|features)|voice ?prints?",
        r"retina(?:l)? scans?|iris scans?",
    ],
}

ORDER = [
    "social_media",
    "device",
    "account",
    "government_id",
    "financial",
    "demographic",
    "professional",
    "contact",
    "location",
    "online_activity",
    "cookies",
    "purchases",
    "communications",
    "user_content",
    "audio_visual",
    "inferences",
    "health",
    "sensitive",
    "biometric",
]

DATA_TYPES = WordMatcher([("ignore", _IGNORE), *((code, CODES[code]) for code in ORDER)])

# Codes only reported from a clear collection statement, never from a bare list line: their words are
# common in other senses ("communications", "address", "age", "title").
WEAK_WORDS = re.compile(
    r"^(?:communications?|e-?mails|letters|inquir(?:y|ies)|\bchats?\b|names?|address(?:es)?|ages?|clicks?|"
    r"navigation|transactions?|purchases|orders|refunds?|comments?|feedback|suggestions|ratings|posts|"
    r"location|social media|industry|professions?|employment|employers?|employs|credentials|letters)$",
    re.IGNORECASE,
)

COLLECT_VERBS = (
    r"collect(?:s|ed|ing|ion)?|gather(?:s|ed|ing)?|obtain(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|record(?:s|ed|ing)?"
    r"|log(?:s|ged)?|captur(?:e|es|ed|ing)|stor(?:e|es|ed|ing)|retain(?:s|ed)?|keep(?:s)?|kept|track(?:s|ed)?"
    r"|ask(?:s|ed|ing)?|request(?:s|ed)?|require[sd]?|process(?:es|ed)?|acquir(?:e|es|ed)|access(?:es|ed)?"
    r"|(?:provide|give|submit|enter|supply|send|share|upload|post|input|disclose|furnish)(?:s|d|ed)?"
    r"|us(?:e|es|ed|ing)|utiliz(?:e|es|ed)|may include|includes?|including|consist(?:s)? of"
)
# These verb lists run once over the whole text through the first-word matcher (see wordmatch.py).
COLLECT = WordMatcher([("verb", [COLLECT_VERBS])], tail=r"\b")
NEGATION_CUE = (
    r"(?:not|never|nor|no longer|cannot|(?:do|does|did|will|would|can|could|should|is|are|was|were|have|has|had|must|"
    r"wo|ca|need)n[’']t)"
)
NEGATED_COLLECT = WordMatcher(
    [("negated", [NEGATION_CUE + r"(?:\s+(?!but\b)[\w’'/-]+,?){0,3}?\s+(?:" + COLLECT_VERBS + r")"])], tail=r"\b"
)

# Verbs strong enough on their own to make a sentence a collection statement.
STRONG_COLLECT = WordMatcher(
    [
        (
            "verb",
            [
                r"(?:collect(?:s|ed|ing)?|gather(?:s|ed|ing)?|obtain(?:s|ed|ing)?|receiv(?:e|es|ed)|record(?:s|ed)?"
                r"|log(?:s|ged)"
                r"|captur(?:e|es|ed)|ask(?:s|ed)? (?:you )?(?:for|to provide)|asked for|ask you|request (?:from you"
                r"|your)|"
                r"(?:you|users?|visitors?|customers?|members?|subscribers?|applicants?|individuals)(?: may| can"
                r"| will| must)? "
                r"(?:provide|give|submit|enter|supply|input|share|send)|draw(?:s|n)? inferences|infer(?:s|red)?|"
                r"(?:create|build|develop)s? (?:a )?profiles?|"
                r"provided by you|(?:provide|give|submit|enter|supply|share|send)(?:s|d)? (?:it |them |this )?(?:to"
                r"|with) us|"
                r"stor(?:e|es|ed) (?:your|the)|retain(?:s|ed)? (?:your|the|information)|keep (?:a )?(?:history|record)|"
                r"(?:be|are|is|been) asked (?:to|for)|monitor(?:s|ed)?|"
                r"(?:provide|request)(?:s|ed)? (?:us with )?(?:certain |some |the following |your |additional "
                r"|personal |such )?"
                r"(?:information|data|details))",
            ],
        )
    ],
    tail=r"\b",
)
USES_TRACKERS = WordMatcher(
    [
        (
            "verb",
            [
                r"use[sd]?|uses|using|utiliz(?:e|es|ed|ing)|employ(?:s|ed|ing)?|place[sd]?|set[s]?|send[s]?|"
                r"deploy(?:s|ed|ing)?|serve[sd]?|stores?"
            ],
        )
    ],
    tail=r"\b",
)

SOURCE_CUES = WordMatcher(
    [
        (
            "third_parties",
            [
                r"from (?:third[- ]part(?:y|ies)|other (?:sources|companies|parties)|(?:our |other )?(?:partners"
                r"|affiliates|"
                r"service providers|vendors|data (?:brokers|co-ops|providers)|social (?:media|networks?|networking)|"
                r"public(?:ly available)? (?:sources|records|databases)|marketing partners|credit (?:bureaus"
                r"|agencies)))",
                r"third[- ]party sources|publicly available|data co-ops?|combine[sd]?",
            ],
        ),
        (
            "automatic",
            [
                r"automatic(?:ally)?|passive(?:ly)?|cookies?|web beacons?|pixels?|log files|server logs",
                r"(?:when|as) you (?:visit|use|browse|access|navigate|interact)",
            ],
        ),
        (
            "you",
            [
                r"you (?:provide|give|submit|enter|supply|send|share|input|choose|may provide)|provided by you|"
                r"directly from you|(?:give|provide|submit)s? (?:us|to us)|ask(?:ed)? (?:you )?for",
                r"when you (?:register|create|sign|place|purchase|order|contact|enter|participate|subscribe|complete"
                r"|fill|"
                r"apply|call|make)|register|sign up|(?:you|users?) (?:are|may be) asked",
            ],
        ),
    ],
    tail=r"\b",
)
DEFAULT_SOURCE = {
    "cookies": "automatic",
    "device": "automatic",
    "online_activity": "automatic",
    "location": "automatic",
    "inferences": "automatic",
}

COLLECT_HEADING = re.compile(
    r"(?:information|data)\b[^.]{0,30}\b(?:we|you)\b[^.]{0,25}\b(?:collect|gather|obtain|receive|give|provide|submit)"
    r"|\bcollect(?:ion|ed|s)?\b[^.]{0,30}\b(?:information|data)\b|\b(?:what|which|types? of|kinds? of|categories of)"
    r"\b[^.]{0,20}\b(?:personal )?(?:information|data)\b|personal (?:identification )?information$|^information\b"
    r"|\bsources of\b|cookies|tracking|\bautomatically\b|log (?:files|data)|\bweb beacons\b|\bregistration\b",
    re.IGNORECASE,
)
NOT_COLLECT_HEADING = re.compile(
    r"\b(?:protect\w*|secur\w*|safeguard\w*|shar\w*|disclos\w*|retain|retention|keep\w*|child\w*|minors?|access\w*|"
    r"choices?|rights?|opt\w*|third[- ]part\w*|transfer\w*|contact us|changes?|links?|do not track|update\w*|"
    r"delet\w*|sell\w*|sale|marketing|california|residents?)\b",
    re.IGNORECASE,
)
USE_HEADING = re.compile(r"\b(?:how (?:we|do we|does \w+) use|use of|uses of|why we|purposes?)\b", re.IGNORECASE)

# Sentences about protecting data name card numbers and passwords without collecting anything new.
SKIP = re.compile(r"\b(?:encrypt\w*|ssl|tls|secure sockets?|phishing|scam)\b", re.IGNORECASE)
CONTINUATION = re.compile(
    r"^(?:[-•*]\s*)?(?:(?:this|such|the|these|that|it|they)(?: (?:information|data|details|statistics|files?|logs?))?"
    r"(?: \w+){0,3}? (?:may |can |will |also |generally |typically )*(?:include|includes|consists?|contains?|such as|"
    r"covers?)\b|included in (?:these|this|the|such)\b|examples (?:include|are)\b)",
    re.IGNORECASE,
)
# A sentence without a finite verb continues the list its predecessor opened ("Information about ...").
FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|may|might|will|would|can|could|should|must|do|does|did|has|have|had|we|you|they|"
    r"it|he|she|use[sd]?|uses|collects?|receives?|helps?|allows?|enables?)\b",
    re.IGNORECASE,
)
