"""Words for what a visitor can do (the `choices` codes) and for how to do it.

Written by hand from common privacy-policy wording: unsubscribe links, "Do Not Sell" links, industry
ad opt-outs (NAI, DAA), browser cookie settings, state-law rights (know, delete, correct, appeal).
"""

from __future__ import annotations

import re

from summaries.parser import codes

_OPT = r"(?:opt(?:s|ed|ing)?[- ]?out|opt-out|unsubscribe|withdraw|stop|object)"

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
        rf"{_OPT}(?: \w+){{0,3}}? (?:of|from|to) (?:\w+ ){{0,3}}?(?:automated (?:processing|decision[- ]making"
        r"|decisions)|"
        r"profiling)",
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
        r"(?:personal (?:information|data)|(?:your|the|any|such|that|certain|some) (?:\w+ ){0,2}(?:information|data|"
        r"details|profile|account|content))",
        r"(?:close|deactivate|cancel|terminate|delete)(?: \w+){0,2}? (?:your|any|the|an|their) (?:\w+ )?account",
        r"(?:deletion|erasure) (?:requests?|of (?:your )?(?:personal )?(?:information|data))|request (?:the )?deletion",
        r"(?:export|access)/delet\w+",
        r"(?:removal|deletion|erasure) of (?:your )?(?:personal )?(?:information|data)",
        r"(?:like|want|wish)(?: \w+){0,3}? (?:removed|deleted|erased)",
        r"have (?:your|the|any) (?:[\w-]+ ){0,3}(?:information|data|details|account)(?: (?:changed|corrected|updated|"
        r"amended|modified) or)? (?:deleted|removed|erased|closed)",
    ],
    "correction": [
        r"right (?:to|of) (?:correct|correction|rectification|rectify|amend|update)",
        r"(?:correct|updat|amend|rectif|edit|chang|modif|revis)(?:e|es|ed|ing|y|ies|ied|ion|ions|s)?(?:,? \w+){0,5}? "
        r"(?:personal (?:information|data)|(?:your|the|any|such|this|certain|inaccurate|that) (?:\w+ ){0,2}"
        r"(?:information|data|details|profile|account information|registration|contact information|records?|account))",
        r"have (?:your|the|any) (?:[\w-]+ ){0,3}(?:information|data|details) (?:changed|corrected|updated|amended"
        r"|modified)",
        r"(?:information|data|details|profile|address|e-?mail address)(?: \w+){0,14}? (?:can|may|could) be (?:updated|"
        r"corrected|changed|modified|amended|edited|reviewed and (?:updated|corrected))",
        r"request (?:\w+ )?(?:updates?|corrections?)|make (?:\w+ )?(?:data )?corrections",
        r"keep (?:your )?(?:\w+ )?information (?:accurate|current|up[- ]to[- ]date)",
    ],
    "access": [
        r"right (?:to|of) (?:know|access|request access|obtain)|request(?:s)? to know|right to request (?:access"
        r"|a copy)",
        r"(?:access|view|review|inspect|(?:obtain|request|receive|ask for) a copy of)(?: and| or|,)?(?: (?:update"
        r"|correct|edit|"
        r"change|modify|delete|amend))?(?:,? \w+){0,2}? (?:the |your |certain |any |all |such )?(?:personal "
        r"|personally "
        r"identifiable )?(?:information|data|details|profile)",
        r"see (?:the |what |which )?(?:personal )?(?:information|data) (?:we|that we)"
        r"|know what (?:personal )?information",
        r"(?:copy|copies|summary|list) of (?:the |your |any |all )?(?:[\w-]+ ){0,2}(?:information|data)",
        r"request (?:access|a copy)",
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
    r"process|offer|provide|accept)\b|\bcannot\s+(?:opt|delete|remove|access|correct)|\bnot able to (?:opt|delete)|"
    r"\bno control\b|\bnot have (?:any )?control\b",
    re.IGNORECASE,
)
CHILDREN_ONLY = re.compile(r"\bchild(?:ren)?(?:[’']s)?\b|\bminors?\b|\bunder (?:the age of )?1[0-9]\b", re.I)

# How to do it.
HOW = re.compile(
    r"(?<![\w.+@-])(?:(?P<link>https?://[^\s<>\"')\]]+|\bwww\.[^\s<>\"')\]]+|\b[\w-]+\.(?:com|org|info|net"
    r"|eu)/[^\s<>\"')\]]*|"
    r"(?i:unsubscribe|opt[- ]out|designated|[\"“]?do not (?:sell"
    r"|share)[^\"”]{0,50}[\"”]?) link(?: (?:at the (?:bottom|end) of|in|"
    r"included in|that appears at the end of) (?:\w+ ){0,3}(?:e-?mails?|communications?|messages?|advertisements))?)"
    r"|(?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b)"
    r"|(?P<phone>(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b)"
    r"|(?P<web_form>(?:[A-Z][\w-]+ )?(?:[Pp]ortal|[Pp]rivacy [Cc]ent(?:er|re)|[Pp]rivacy [Hh]ub|web ?form"
    r"|online form|request form|[Cc]ontact (?:[Uu]s )?(?:form"
    r"|page)|"
    r"webform|privacy (?:request )?form))"
    r"|(?P<account_settings>[Mm]y [Aa]ccount(?: section| page| settings)?|(?:your )?[Aa]ccount (?:settings|profile"
    r"|page)|"
    r"your \w+ account|(?:profile|privacy|account|communication|e-?mail) (?:settings|preferences) page|"
    r"preference cent(?:er|re)|(?:your )?profile page)"
    r"|(?P<browser>(?:web |your )?browser(?:[’']s)? (?:settings|preferences|options|help (?:function|menu))|"
    r"(?:web |your )?browser\b|(?:Internet Explorer|Chrome|Firefox|Safari))"
    r"|(?P<mail>\b(?:by|via) (?:postal )?mail\b|\bwrite to us\b|\bin writing\b|postal mail))",
)
FOLLOW_ON = re.compile(
    r"^(?:to (?:do so|opt|submit|exercise|make|unsubscribe|request|delete|access|update|correct)|you (?:can|may)|"
    r"please|alternatively|or\b|simply|for (?:more|further) information|visit|click|call|email|e-mail|contact)",
    re.IGNORECASE,
)
