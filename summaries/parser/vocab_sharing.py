"""Words for who receives personal data (the `shared` codes), for the act of sharing, and purposes.

Written by hand from common privacy-policy wording. Order matters at one position: "advertising
partners" is an advertiser before "partners" could be anything else.
"""

from __future__ import annotations

import re

from summaries.parser.vocab_data import NEGATION_CUE
from summaries.parser.wordmatch import WordMatcher

_IGNORE = [
    r"authori[sz]ed agents?",
    r"copyright agents?",
    r"(?:internet|wireless|mobile) (?:service )?(?:providers?|carriers?)|\bisps?\b",
    r"affiliate (?:ids?|links?|marketing|programs?|traffic|networks?)",
    r"(?:if|when) you are an affiliate",
    r"customer service (?:agents|representatives)",
    r"(?:protect|safety of) (?:the )?public",
    r"public(?:ly)? (?:available|accessible) (?:information|sources|records|data)|public (?:computers?|terminals?"
    r"|devices?|"
    r"places?|interest|wi-?fi)",
    r"(?:(?:our|its|their) )?advertis(?:ements|ing) (?:on|in|to|for) (?:our|the|this)",
    r"social (?:media|network(?:ing)?) (?:user ?names?|handles?|accounts? (?:information|names?)|profiles? information|"
    r"ids?|information|data)",
    r"from (?:[\w-]+,? ){0,5}social (?:media|network\w*)(?: sites?| platforms?| networks?)?",
    r"(?:securities|privacy|data protection) regulators?",
    # acquiring data, not a company: "the acquisition, use and supply of personal information"
    r"acquisitions?(?:,? (?:and |or )?\w+){0,4}(?:,? etc\.?)? of (?:your |the )?(?:personal )?(?:information|data)",
]

RECIPIENTS: dict[str, list[str]] = {
    "analytics": [
        r"google analytics|adobe analytics|omniture|comscore|nielsen|quantcast|mixpanel|hotjar|chartbeat|"
        r"(?:web|website|site|mobile|app|data|third[- ]party) analytics(?: services?| providers?| partners?| tools?"
        r"| companies)?",
        r"analytics (?:services?|providers?|partners?|companies|tools?|vendors?|firms?|software)",
        r"(?:audience )?measurement (?:companies|firms|partners|services)",
    ],
    "advertisers": [
        r"advertis(?:ers?|ing (?:partners?|networks?|companies|providers?|vendors?|service providers?|platforms?|"
        r"agencies|technology (?:companies|providers?)))",
        r"ad(?:vertising)? (?:networks?|servers?|serving (?:companies|services)|partners|companies|vendors|exchanges?|"
        r"tech(?:nology)? (?:companies|providers))",
        r"third[- ]party (?:advertis\w+|ad) (?:networks?|companies|partners|servers?|vendors)",
        r"(?:companies|parties|partners|networks) (?:to|that|who|which) (?:serve|deliver|display|place) (?:ads"
        r"|advertisements)",
        r"doubleclick|criteo|the trade desk|google ads|adroll|taboola|outbrain",
        r"(?:meta|facebook|tiktok|pinterest|snap(?:chat)?|twitter|linkedin|reddit) (?:pixels?|insight tags?|"
        r"conversions? api|ads)",
    ],
    "ads_purpose": [
        r"(?:interest[- ]based|targeted|behaviou?ral|personali[sz]ed|cross[- ]context (?:behaviou?ral )?|retargeting|"
        r"remarketing)(?: advertising| ads| advertisements)",
    ],
    "marketing_partners": [
        r"other marketers|(?:third[- ]party )?marketers",
        r"(?:joint |co-)?marketing (?:partners?|relationships?|companies|firms)",
        r"(?:select(?:ed)?|trusted|carefully selected|reputable|business|promotional) (?:partners|third parties"
        r"|companies)",
        r"(?:for|to|in) (?:their|its) own (?:direct )?(?:marketing|promotional|advertising) purposes",
        r"(?:third parties|companies|partners) (?:for|to use for) (?:their|its) (?:own )?(?:direct )?marketing",
        r"(?:co-)?sponsors?|resellers?|sales partners",
        r"(?:companies|organizations|third parties) (?:whose|that offer|offering|with) (?:products|services|offers)",
        r"mailing lists?|list rental",
    ],
    "service_providers": [
        r"(?:third[- ]party |outside |trusted )?service providers?",
        r"(?:vendors?|suppliers?|contractors?|subcontractors?|processors?|consultants|(?<!authorized )agents\b)",
        r"(?:companies|businesses|parties|organizations|entities|firms|providers)(?: and individuals)? (?:that|who"
        r"|which) "
        r"(?:help|assist|perform|provide services|work (?:for|with|on behalf of) us|act on our behalf|support)",
        r"on our behalf",
        r"(?:payment|credit card|card) (?:processors?|service providers?|gateways?|processing (?:companies|partners|"
        r"services|providers))",
        r"(?:shipping|delivery|freight|logistics|fulfil?lment|courier|mailing) (?:companies|carriers|partners|"
        r"services?|providers?|professionals|vendors|houses)|carriers",
        r"(?:hosting|cloud|it|technology|email|customer service) (?:providers?|companies|vendors|services?)",
        r"u\.?s\.? postal service|usps|\bups\b|fedex|dhl|paypal|stripe|shopify|salesforce|mailchimp|klaviyo",
    ],
    "affiliates": [
        r"affiliat(?:es|ed (?:companies|businesses|entities|brands|organizations|sites))|(?:our|its) affiliate",
        r"subsidiar(?:y|ies)|parent (?:company|companies|corporation|organization)",
        r"(?:family|group) of (?:companies|brands|websites|sites)|(?:corporate|company) (?:family|group)",
        r"sister (?:companies|brands|sites)|(?:common|joint) (?:control|ownership)",
        r"related (?:companies|entities|businesses)",
    ],
    "law_enforcement": [
        r"law enforcement(?: agencies| officials| authorities)?|police",
        r"courts?\b|court orders?|subpoenas?|search warrants?|warrants|legal process(?:es)?|judicial (?:authorities|"
        r"proceedings?|process)",
        r"government(?:al)? (?:agencies|authorities|officials|requests?|entities|bodies|bodies)|regulators?|regulatory "
        r"(?:authorities|agencies|bodies|requirements?)|public authorities|(?:appropriate|competent) authorities",
        r"(?:required|requires?|compelled|permitted|authori[sz]ed) (?:to do so )?by (?:applicable )?laws?|law requires|"
        r"(?:comply|compliance) with (?:a |any |the )?(?:applicable )?(?:laws?|legal|regulations?|legal obligations)",
        r"investigative bod(?:y|ies)|legal (?:requirements?|obligations?|proceedings?|claims?|action)",
    ],
    "business_transfer": [
        r"mergers?|acquisitions?|acquired by|reorgani[sz]ations?|bankruptcy|insolvency|divestitures?|dissolution",
        r"sale of (?:all|some|substantially|a portion|part|our|the company|its|assets|the business|a business)",
        r"(?:assets|business|company|companies) (?:are|is) (?:sold|transferred|acquired)|successors?(?: in interest)?",
        r"change (?:of|in) (?:control|ownership)|corporate transactions?|business transfers?|(?:prospective"
        r"|potential) (?:buyers?|purchasers?)",
    ],
    "social_media": [
        r"social (?:media|networks?|networking)(?: sites?| platforms?| networks?| services| companies| features| "
        r"plug-?ins| widgets| buttons| accounts?)?",
        r"facebook|twitter|instagram|pinterest|linkedin|youtube|tiktok|snapchat",
    ],
    "financing_providers": [
        r"financing (?:providers?|partners?|companies|options)|lenders?|(?:card[- ]issuing|issuing) banks?",
        r"(?:credit )?card issuers?|credit (?:bureaus?|reporting agencies)|co-?brand(?:ed)? (?:credit )?cards?",
        r"banks? (?:that|which|who) (?:issues?|provides?|offers?|manages?) (?:[\w'-]+ ){0,3}(?:credit )?cards?",
        r"affirm|klarna|afterpay|synchrony|sezzle",
    ],
    "public": [
        r"(?:publicly|public) (?:display(?:ed)?|posted|visible|viewable|shown)",
        r"(?:visible|viewable|available|accessible|disclosed|seen|read) (?:to|by) (?:the public|other users|others"
        r"|anyone|"
        r"everyone|other visitors)",
        r"public (?:areas?|forums?|profiles?|portions?|spaces?|posts?)|become public|made public|(?:message"
        r"|bulletin) boards",
    ],
}

ORDER = [
    "analytics",
    "advertisers",
    "ads_purpose",
    "marketing_partners",
    "service_providers",
    "affiliates",
    "law_enforcement",
    "business_transfer",
    "social_media",
    "financing_providers",
    "public",
]

RECIPIENT_WORDS = WordMatcher([("ignore", _IGNORE), *((code, RECIPIENTS[code]) for code in ORDER)])

_OBJECT = (
    r"(?:(?:your|such|this|that|the|personal|certain|any|some|of|it|them|information|data|details|identifiable|"
    r"personally|contact|customer|user|collected|we|collect|name|names|and|or|email|addresses|address|application|"
    r"applications|request|requests|order|orders|records|file|files|profile|account|shipping|payment)\s+){0,6}"
)
SHARE_VERBS = (
    r"shar(?:e|es|ed|ing)|disclos(?:e|es|ed|ing|ure|ures)|transfer(?:s|red|ring)?|"
    r"sell|sells|sold|selling|rent(?:s|ed|ing)?|trade[sd]?|exchange[sd]?|lease|releas(?:e|ed)|furnish(?:es|ed)?|"
    rf"provid(?:e|es|ed|ing) {_OBJECT}(?:to|with)|mak(?:e|es|ing) {_OBJECT}available|"
    rf"pass(?:es|ed)? {_OBJECT}(?:on |along )?to|send[s]? {_OBJECT}to|sent {_OBJECT}to|"
    r"giv(?:e|es|en|ing) (?:\w+ ){0,3}access|(?:have|has|gain|obtain) access"
)
SHARE = WordMatcher([("verb", [SHARE_VERBS])], tail=r"\b")
# A company's partners acting on data they collect from the site (ad networks, analytics tags).
THIRD_PARTY_ACTS = WordMatcher(
    [
        (
            "verb",
            [
                r"collect(?:s|ed)?|gather(?:s|ed)?|use[sd]?|place[sd]?|set[s]?|serve[sd]?|track(?:s|ed)?"
                r"|work(?:s)? with|"
                r"partner(?:s|ed)? with|engage[sd]?|hire[sd]?|employ[sd]?|retain(?:s|ed)?|allow(?:s|ed)?|permit(?:s"
                r"|ted)?|"
                r"receive[sd]?|help(?:s)? us|rel(?:y|ies) on|utiliz(?:e|es|ed|ing)|participate[sd]? in|analy[sz]e[sd]?|"
                r"measure[sd]?|deliver(?:s|ed)?|display(?:s|ed)?|integrat(?:e|es|ed|ing|ion|ions)|provid(?:e|es|ed"
                r"|ing)|"
                r"(?:to )?serve"
            ],
        )
    ],
    tail=r"\b",
)
NEGATED_SHARE = WordMatcher(
    [("negated", [NEGATION_CUE + r"(?:\s+(?!but\b)[\w’'/-]+,?){0,4}?\s+(?:" + SHARE_VERBS + r")"])], tail=r"\b"
)
# Aggregated or de-identified data is not personal data being shared.
AGGREGATE = re.compile(
    r"\b(?:aggregat\w+|de-?identified|anonymi[sz]\w+|anonymous|non-?identifiable|non-?personal|"
    r"not (?:personally )?identify)\b",
    re.IGNORECASE,
)
SHARE_HEADING = re.compile(
    r"\b(?:shar\w*|disclos\w*|third[- ]part\w*|transfer\w*|recipients?|who (?:we|do we)|service providers|sell\w*|"
    r"sale)\b",
    re.IGNORECASE,
)
NOT_SHARE_HEADING = re.compile(r"\b(?:links?|websites|sites|do not track|children|security|opt\w*|choices?)\b", re.I)

PURPOSES = re.compile(
    r"(?=\w)\b(?:(?P<advertising>\badvertis\w*|\bads\b)"
    r"|(?P<marketing>\bmarketing\b|\bpromot\w+|\boffers?\b|products and services (?:that"
    r"|which) may (?:be of )?interest)"
    r"|(?P<analytics>\banaly[sz]\w+|\bstatistic\w*|\bmeasur\w+|understand how)"
    r"|(?P<security>\bfraud\w*|\bsecurity\b|\bprotect\w*|\bsafety\b)"
    r"|(?P<legal>\blaws?\b|\blegal\w*|\bcourts?\b|\bsubpoena\w*|\bcomply\b|\bcompliance\b|\bregulat\w+)"
    r"|(?P<personalization>\bpersonali[sz]\w+|\btailor\w*|\bcustomi[sz]\w+)"
    r"|(?P<service>\bon our behalf\b|\bperform\w* services\b|\bprocess\w*|\bship\w*|\bdeliver\w*|\bfulfil\w*|"
    r"\bpayments?\b|\bcustomer service\b|\bhosting\b|\boperat\w+|\bhelp us\b|\bprovide (?:services|the services)\b))",
    re.IGNORECASE,
)
DEFAULT_PURPOSE = {
    "service_providers": "service",
    "affiliates": "other",
    "advertisers": "advertising",
    "marketing_partners": "marketing",
    "analytics": "analytics",
    "ads_purpose": "advertising",
    "social_media": "other",
    "financing_providers": "service",
    "law_enforcement": "legal",
    "business_transfer": "other",
    "public": "other",
}
PURPOSE_ORDER = ["advertising", "marketing", "analytics", "service", "security", "legal", "personalization", "other"]

NAMES = re.compile(
    r"\b(?:(?:Meta|Facebook|TikTok|Pinterest|Snap|Snapchat|Twitter|LinkedIn|Reddit) (?:Pixel|Insight Tag|"
    r"Conversions API)|Google Analytics|Google Ads|Google Maps|Google|DoubleClick|Facebook|Meta|Instagram|Twitter"
    r"|Pinterest|"
    r"LinkedIn|YouTube|TikTok|Snapchat|Adobe(?: Marketing Cloud| Analytics)?|Omniture|comScore|Nielsen|Quantcast|"
    r"Criteo|AdRoll|Taboola|Outbrain|AppLovin|Hotjar|Mixpanel|Chartbeat|Share-?A-?Sale|Awin|Rakuten|Impact|"
    r"CJ Affiliate|"
    r"PayPal|Stripe|Braintree|Shopify|Salesforce|Mailchimp|Klaviyo|Attentive|Amazon(?: Web Services)?|Microsoft|Bing|"
    r"U\.S\. Postal Service|USPS|UPS|FedEx|DHL|Affirm|Klarna|Afterpay|Sezzle|Synchrony|Capital One|Yotpo|Bazaarvoice|"
    r"Zendesk|Gorgias|Oracle|Experian|Acxiom|Epsilon|LiveRamp)\b"
)
_KINDS = {
    "analytics": "Google Analytics|Adobe Analytics|Omniture|comScore|Nielsen|Quantcast|Hotjar|Mixpanel|Chartbeat",
    "advertisers": "Google Ads|DoubleClick|Criteo|AdRoll|Taboola|Outbrain|AppLovin",
    "social_media": "Facebook|Meta|Instagram|Twitter|Pinterest|LinkedIn|YouTube|TikTok|Snapchat",
    "service_providers": "PayPal|Stripe|Braintree|Shopify|Salesforce|Mailchimp|Klaviyo|Attentive|Amazon Web Services|"
    "U.S. Postal Service|USPS|UPS|FedEx|DHL|Yotpo|Bazaarvoice|Zendesk|Gorgias",
    "financing_providers": "Affirm|Klarna|Afterpay|Sezzle|Synchrony|Capital One",
}
# Which recipient a named company is, when the sentence names several; unknown names go with any.
NAME_RECIPIENT = {name: kind for kind, names in _KINDS.items() for name in names.split("|")}
