"""Words for what a visitor can do (the `choices` codes) and for how to do it.

Written by hand from common privacy-policy wording: unsubscribe links, "Do Not Sell" links, industry
ad opt-outs (NAI, DAA), browser cookie settings, state-law rights (know, delete, correct, appeal).
"""

from __future__ import annotations

import re

from summaries.parser import codes

_OPT = r"(?:opt(?:s|ed|ing)?[- ]?out|opt-out|unsubscribe|withdraw|stop|object)"
# A later member of an enumeration ("..., of targeted advertising and of profiling"); choices.py checks that an
# opt-out verb comes before it in the sentence.
_ENUMERATED = r"(?:(?<=, )|(?<=and )|(?<=or ))"
# Details a visitor reviews or updates in an account: "update your name and addresses".
_DETAILS = (
    r"(?:(?:e-?mail|postal|shipping|billing|delivery|home|mailing) )?(?:name|names|address|addresses|phone numbers?"
    r"|telephone numbers?|contact details)\b"
)

CHOICES: dict[str, list[str]] = {
    "global_privacy_control": [
        r"global privacy control|\bgpc\b|(?:opt[- ]out )?preference signals?|universal opt[- ]out(?: mechanisms?)?",
    ],
    "analytics_opt_out": [
        r"gaoptout|google analytics opt[- ]?out(?: browser add-?on)?",
        rf"{_OPT}(?: \w+){{0,10}}? (?:of|from) (?:\w+ ){{0,8}}?(?:google )?analytics",
        r"analytics opt[- ]?out",
    ],
    "opt_out_profiling": [
        rf"{_OPT}(?: \w+){{0,3}}? (?:of|from|to|for) (?:\w+ ){{0,3}}?(?:automated (?:processing|decision[- ]making"
        r"|decisions)|"
        r"profiling)",
        # the tail of an enumeration: "opt out of the sale of ..., of targeted advertising and of profiling"
        rf"{_ENUMERATED}of (?:\w+ ){{0,2}}?profiling",
        r"opting[- ]out of profiling",
    ],
    "opt_out_targeted_ads": [
        rf"{_OPT}(?: \w+){{0,4}}? (?:of|from) (?:\w+ ){{0,5}}?(?:interest[- ]based|targeted|behaviou?ral"
        r"|personali[sz]ed|"
        r"online behaviou?ral|tailored|cross[- ]context behaviou?ral) (?:advertising|ads|advertisements|marketing)",
        rf"{_OPT}(?: \w+){{0,4}}? (?:of|from) (?:these|such|this|third[- ]party) (?:advertising|ad) (?:practices"
        r"|networks?|"
        r"companies|cookies|tracking)",
        r"(?:opt[- ]out options?|opt-outs?) to prevent behaviou?ral advertising",
        rf"{_ENUMERATED}of (?:\w+ ){{0,2}}?(?:interest[- ]based|targeted|behaviou?ral|personali[sz]ed|tailored"
        r"|cross[- ]context behaviou?ral) (?:advertising|ads|advertisements)",
        r"networkadvertising\.org|aboutads\.info|youradchoices|youronlinechoices|optout\.aboutads|"
        r"network advertising initiative|digital advertising alliance|\bnai\b|\bdaa\b|adchoices|"
        r"(?:ad|advertising) (?:preferences|settings) (?:page|manager)?",
        r"(?:limit ad tracking|opt out of ads personali[sz]ation|reset (?:your )?advertising id)",
    ],
    "opt_out_sale": [
        rf"{_OPT}(?: \w+){{0,3}}? (?:of|from) (?:[\w/,]+ ){{0,4}}?(?:sale|sales|selling|rental|exchange|sharing|"
        r"transfers?)\b",
        r"do not (?:sell|share|use, sell or share)(?: or share)? my",
        r"right to opt[- ]out(?: \w+){0,5} (?:sale|selling|sharing)",
        r"(?:keep|remove|exclude|take)(?: [\w-]+){0,6}? (?:out of|off|from) (?:the |our |any )?(?:[\w-]+ ){0,2}lists? "
        r"(?:that )?we (?:\w+ )?(?:rent|sell|exchange|share|trade|lease)",
    ],
    "opt_out_marketing": [
        r"unsubscrib(?:e|es|ed|ing|ers?)",
        rf"{_OPT}(?: \w+){{0,4}}? (?:of|from) (?:[\w-]+ ){{0,5}}?(?:marketing|promotional|e-?mails?|newsletters?|"
        r"communications|mailings?|messages|texts?|text messages|sms|solicitations?|direct mail|offers|catalogs?|"
        r"telemarketing|calls)\b",
        r"(?:do not|don[’']t|no longer) (?:wish|want|like) to (?:receive|get|be contacted|have)",
        r"(?:stop|cease) (?:receiving|getting)",
        r"(?:be )?removed? (?:\w+ ){0,4}from (?:our |any |future |the )?(?:e-?mail|mailing|marketing|distribution|"
        r"contact|call|telemarketing)(?: lists?| updates)",
        r"(?:opted|choose|elect|decline|chosen) not to receive",
        r"opt(?:ing)?[- ]out of (?:receiving|any of our|our) (?:\w+ ){0,3}(?:marketing|promotional|communications"
        r"|e-?mails)",
        r"(?:update|change|manage|modify) (?:your )?(?:e-?mail|communication|marketing|subscription"
        r"|contact) preferences",
        r"reply(?:ing)? (?:with )?[\"“']?stop",
        r"object(?:s|ed|ing)?(?: \w+){0,3}? to (?:\w+ ){0,2}?(?:direct )?marketing",
        r"stop (?:our |the |all |any |your |future )?(?:[\w-]+ ){0,3}(?:mailers?|mailings?|catalogs?|catalogues?"
        r"|newsletters?|promotional (?:e-?mails|messages|texts|calls)|marketing (?:e-?mails|messages|texts|calls)"
        r"|phone offers)\b",
    ],
    "cookie_controls": [
        r"(?:refuse|refusing|block|blocking|disable|disabling|delete|deleting|reject|rejecting|remove|removing|clear|"
        r"clearing|decline|declining|turn off|turning off|manage|managing|control|controlling|erase|restrict|"
        r"restricting|opt[- ]out of|not accept|stop accepting)(?: \w+){0,3}? (?:all |some |certain |these |the |"
        r"browser |our |third[- ]party )?(?:cookies?|flash cookies|local shared objects)",
        r"(?:browser|device)(?: \w+){0,6}? (?:to|can|will|may) (?:refuse|block|reject|disable|delete|notify|alert|warn|"
        r"remove|accept|decline)",
        r"cookies?(?: \w+){0,4}? (?:settings|preferences|preference centers?|consent tool|banner|manager)",
        r"(?:settings|preferences) (?:of|in|on) your (?:web )?browser",
        r"(?:browser|device) settings",
        r"(?:notify|alert|warn) you when (?:a )?cookies?",
    ],
    "portability": [
        r"portab(?:le|ility)|export(?:ing)?(?:/\w+)? (?:of )?(?:\w+ ){0,2}(?:personal )?data|(?:machine-readable"
        r"|portable"
        r"|structured)(?:,)? "
        r"(?:\w+ ){0,3}format|transmit (?:it|that (?:information|data)) to another",
        r"downloadable (?:file|copy|archive|export)",
        r"(?:take|move|port|bring)(?: \w+){0,2}? to another (?:\w+ ){0,2}(?:company|provider|service|retailer"
        r"|organi[sz]ation|business|controller|store|shop|platform)",
    ],
    "appeal": [
        r"(?:right to |may |can |to )appeal|appeal (?:our|the|a|this|that|any) (?:decision|denial|refusal)"
        r"|appeals? process",
    ],
    "authorized_agent": [
        r"authori[sz]ed agents?|(?:authori[sz]e|designate|appoint)(?:s|d)? (?:someone|another (?:person|individual)"
        r"|an? "
        r"(?:agent|representative|person))",
    ],
    "deletion": [
        r"right (?:to|of) (?:deletion|delete|erasure|be forgotten|have (?:\w+ ){0,3}deleted)",
        r"(?:delet(?:e|ed|ing|ion)|eras(?:e|ed|ure)|remov(?:e|ed|al)|purg(?:e|ed))(?: of)?(?:,? \w+){0,4}? "
        r"(?:personal (?:information|data)|(?:your|the|any|such|that|certain|some) (?:[\w’'-]+ ){0,2}(?:information"
        r"|data|details|profile|account|content))\b",
        r"(?:close|deactivate|cancel|terminate|delete)(?: \w+){0,2}? (?:your|any|the|an|their) (?:\w+ )?account",
        r"(?:deletion|erasure) (?:requests?|of (?:your )?(?:personal )?(?:information|data))"
        r"|request (?:the |its |their )?deletion",
        # a pronoun for data named earlier in the sentence ("... to correct it, and to request its deletion")
        r"(?:delete|erase) (?:it|them)\b|(?:its|their) (?:deletion|erasure|removal)"
        r"|(?:deletion|erasure|removal) of (?:it|them)\b",
        r"(?:export|access)/delet\w+",
        r"(?:removal|deletion|erasure) of (?:your )?(?:personal )?(?:information|data)",
        r"(?:like|want|wish)(?: \w+){0,3}? (?:removed|deleted|erased)",
        r"have (?:your|the|any) (?:[\w-]+ ){0,3}(?:information|data|details|account)(?: (?:changed|corrected|updated|"
        r"amended|modified) or)? (?:deleted|removed|erased|closed)",
    ],
    "correction": [
        r"right (?:to|of) (?:correct|correction|rectification|rectify|amend|update)",
        r"(?:correct|updat|amend|rectif|edit|chang|modif|revis)(?:e|es|ed|ing|y|ies|ied|ion|ions|ment|ments|s)?"
        r"(?:,? \w+){0,5}? "
        r"(?:personal (?:information|data)|(?:your|the|any|such|this|certain|inaccurate|that) (?:\w+ ){0,2}"
        r"(?:information|data|details|profile|account information|registration|contact information|records?"
        r"|account))\b",
        r"have (?:your|the|any) (?:[\w-]+ ){0,3}(?:information|data|details) (?:changed|corrected|updated|amended"
        r"|modified)",
        # the lookahead lets most sentences fail fast, before the word-by-word search
        r"(?:information|data|details|profile|address|e-?mail address)(?=[^.;:!?]{0,120}? (?:can|may|could) be )"
        r"(?:,? \w+){0,14}?,? (?:can|may|could) be "
        r"(?:updated|corrected|changed|modified|amended|edited|reviewed and (?:updated|corrected))",
        r"request (?:\w+ )?(?:updates?|corrections?)|make (?:\w+ )?(?:data )?corrections",
        r"keep (?:your )?(?:\w+ )?information (?:accurate|current|up[- ]to[- ]date)",
        rf"(?:correct|updat|amend|rectif|edit|chang)(?:e|es|ed|ing|y|ies|ied)? your {_DETAILS}",
        r"have (?:inaccurate|incorrect|incomplete|your|the|any) (?:[\w-]+ ){0,3}(?:information|data|details)"
        r" (?:rectified|completed)",
        r"(?:correct|rectify|amend|update) (?:it|them)\b|(?:correction|rectification) of (?:it|them)\b",
        # "correct information that is inaccurate": a verb only where choices.py finds it in verb position
        r"correct (?:personal )?(?:information|data|details)\b",
    ],
    "access": [
        r"right (?:to|of) (?:know|access|request access|obtain)|request(?:s)? to know|right to request (?:access"
        r"|a copy)",
        r"(?:access|view|review|inspect|(?:obtain|request|receive|ask for) a copy of)(?: and| or|,)?(?: (?:update"
        r"|correct|edit|"
        r"change|modify|delete|amend))?(?:,? \w+){0,2}? (?:the |your |certain |any |all |such )?(?:personal "
        r"|personally "
        r"identifiable )?(?:information|data|details|profile)\b",
        r"see (?:the |what |which )?(?:personal )?(?:information|data) (?:we|that we)"
        r"|know what (?:personal )?information",
        r"(?:copy|copies|summary|list) of (?:the |your |any |all )?(?:[\w-]+ ){0,2}(?:information|data)\b",
        r"request (?:access|a copy)",
        # "requests for disclosure of their personal information": the wording of Japanese and some US policies
        r"requests? (?:[\w/’'-]+ ){0,6}?for (?:the )?disclosure of (?:your |their |the )?personal (?:information|data)",
        r"request(?:s|ing)? (?:the )?disclosure(?:,? [\w’']+){0,3}? of (?:your |their )personal (?:information|data)",
        r"(?:tell|show|inform) you (?:what|which|whether) (?:\w+ ){0,3}(?:information|data)",
        r"confirm(?:ation)? (?:of )?whether (?:or not )?we (?:\w+ ){0,3}(?:information|data)",
        r"(?:copy|copies) of (?:everything|all|what|whatever)(?: \w+){0,3}? (?:we|that we) (?:hold|have|keep|store"
        r"|collect\w*|process)",
        r"see and (?:correct|update|edit|change|amend) your (?:[\w-]+ ){0,2}(?:information|data|details|profile)",
        rf"(?:review|view|access)(?: and| or|,)?(?: (?:update|correct|edit|change|modify|amend))? your {_DETAILS}",
        r"(?:access to|cop(?:y|ies) of) (?:it|them)\b",
    ],
}

ORDER = list(codes.CHOICES)


# The company changing its own policy is not a visitor's choice to correct data.
OWN_POLICY = re.compile(r"\b(?:this|our|the) (?:privacy )?(?:policy|statement|notice|terms)\b", re.IGNORECASE)
SECURITY = re.compile(
    r"\bunauthori[sz]ed\b|\bprevent\w* (?:\w+ )?access\b|\baccess (?:to"
    r"|your) (?:your )?account\b",
    re.I,
)
NEGATED_CHOICE = re.compile(
    r"\b(?:do|does|will|can|may|could)\s*(?:not|n[’']t)\s+(?:currently\s+)?(?:honou?r|recogni[sz]e|respond|support|"
    r"process|offer|provide|accept)\b|\b(?:cannot|can\s*not|(?:can|may|will|could)\s*(?:not|n[’']t))\s+(?:opt|delete"
    r"|remove|access|correct)|\bnot able to (?:opt|delete)|"
    r"\bno control\b|\bnot have (?:any )?control\b",
    re.IGNORECASE,
)
CHILDREN_ONLY = re.compile(r"\bchild(?:ren)?(?:[’']s)?\b|\bminors?\b|\bunder (?:the age of )?1[0-9]\b", re.I)

# How to do it.
_URL_END = r"[^\s<>\"')\]]"
_TLD = r"(?:com|org|info|net|eu|io|co|us|ca|uk)"
# Industry opt-out pages that policies name by their bare domain ("visit optout.aboutads.info").
OPT_OUT_DOMAINS = re.compile(
    r"(?:optout\.)?aboutads\.info|(?:optout\.)?networkadvertising\.org|youradchoices\.(?:com|ca)"
    r"|youronlinechoices\.(?:com|eu)|adssettings\.google\.com|myadcenter\.google\.com|(?:www\.)?allaboutcookies\.org"
    r"|(?:www\.)?aboutcookies\.org|globalprivacycontrol\.org|(?:optout\.)?privacyrights\.info",
    re.IGNORECASE,
)
# A bare domain counts where it is one of those or named as the place to go ("at example.com", "visit ...").
DOMAIN_CUE = re.compile(r"\b(?:at|visit|visiting|go to|via|on)\s+$", re.IGNORECASE)
_IN_MESSAGES = (
    r"(?: (?:at the (?:bottom|end|foot) of|in|included in|provided in|that appears at the end of) (?:\w+ ){0,3}"
    r"(?:e-?mails?|communications?|messages?|advertisements|newsletters?|issues?))"
)
_LINK = (
    # possessive: a word that is no domain fails at its first non-word character, without backtracking
    rf"https?://{_URL_END}+|\bwww\.{_URL_END}+|\b(?:[\w-]++\.(?=[\w-]))++{_TLD}(?:/{_URL_END}*|\b(?![\w@-]))"
    rf"|(?i:unsubscribe|opt[- ]out|designated|[\"“]?do not (?:sell|share)[^\"”]{{0,50}}[\"”]?) "
    rf"(?i:link|option|button){_IN_MESSAGES}?"
    rf"|[\"“]unsubscribe[\"”]{_IN_MESSAGES}"
    rf"|\blink{_IN_MESSAGES}"
    # a named link: 'the "Your Privacy Choices" link'
    r"|[\"“][A-Z][^\"”\n]{1,59}[\"”] link\b"
    r"|(?:Network Advertising Initiative|Digital Advertising Alliance|European Interactive Digital Advertising Alliance"
    r"|NAI|DAA|EDAA)(?:[’']s)? (?:(?:[A-Z]\w+|opt[- ]out|consumer[- ]choice) )?(?:page|tool|website|site|app|program)\b"
)
# choices.py keeps a bare "browser" only with a determiner ("your browser", not "for that browser")
_BROWSER = (
    r"Google Analytics [Oo]pt-?[Oo]ut (?:[Bb]rowser )?[Aa]dd-?[Oo]n"
    r"|(?:(?:[Ww]eb|[Yy]our|the|their|each|any|a|[Mm]ost|[Mm]any|[Aa]ll|[Ss]ome|[Ii]nternet) ){0,2}browser(?:s|[’']s)?"
    r"(?: (?:security |privacy |cookie )?(?:settings|preferences|options|help (?:function|menu)))?\b"
    r"|(?:Internet Explorer|Chrome|Firefox|Safari)"
)
HOW = re.compile(
    rf"(?<![\w.+@-])(?:(?P<link>{_LINK})"
    r"|(?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b)"
    r"|(?P<web_form>(?:[A-Z][\w-]+ )?(?:[Pp]ortal|[Pp]rivacy [Cc]ent(?:er|re)|[Pp]rivacy [Hh]ub|web ?form"
    r"|online form|request form|[Cc]ontact (?:[Uu]s )?(?:form"
    r"|page)|"
    r"webform|privacy (?:request )?form))"
    r"|(?P<account_settings>[Mm]y [Aa]ccount(?: section| page| settings)?|(?:your )?[Aa]ccount (?:settings|profile"
    r"|page)|"
    r"your (?:[A-Z][\w-]* ){1,2}account\b|your \w+ account|(?:profile|privacy|account|communication|e-?mail) "
    r"(?:settings|preferences) page|preference cent(?:er|re)|(?:your )?profile page"
    # the account as the place: "in your account", "by signing in to your account" (choices.py drops the preposition)
    r"|\b(?:in|into|to|from|through|via|under) your (?:online )?"
    r"account\b(?! (?:number|holder|information|details|password|data|history|records?|settings|profile|page))(?!-))"
    rf"|(?P<browser>{_BROWSER})"
    r"|(?P<mail>\b(?:by|via) (?:postal )?mail\b|\bwrite to us\b|\bin writing\b|postal mail"
    r"|\bwrit(?:e|ing) to (?:us at )?(?:the|our) (?:postal |mailing )?address\b))",
)
FOLLOW_ON = re.compile(
    r"^(?:to (?:do so|opt|submit|exercise|make|unsubscribe|request|delete|access|update|correct)|you (?:can|may)|"
    r"please|alternatively|or\b|simply|for (?:more|further) information|visit|click|call|email|e-mail|contact)",
    re.IGNORECASE,
)
