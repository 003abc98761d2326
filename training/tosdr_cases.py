"""ToS;DR cases mapped to the card contract's practice codes (the ten OPP-115 categories).

A ToS;DR point ties a quote from real terms or a policy to a reusable conclusion, its *case*. The case says what
the quote is about, so it gives the quote a practice label. Cases about terms of service rather than privacy
(liability, copyright licences, arbitration, account suspension) are `other`: policies hold such passages too,
and a classifier must learn that they describe none of the nine privacy practices. A case that names two
practices ("may sell your data unless you opt out") maps to both. Cases missing here are skipped, not guessed.
"""

from __future__ import annotations

COLLECTION = "first_party_collection"
SHARING = "third_party_sharing"
CHOICE = "user_choice"
ACCESS = "user_access"
RETENTION = "data_retention"
SECURITY = "data_security"
CHANGE = "policy_change"
DNT = "do_not_track"
AUDIENCES = "specific_audiences"
OTHER = "other"

# Matched on the case text lower-cased and stripped; keys are the cases as ToS;DR spells them (January 2021).
CASES: dict[str, tuple[str, ...]] = {
    # What the company collects and how it uses it, trackers it sets itself included.
    "app required for this service requires broad device permissions": (COLLECTION,),
    "device fingerprinting": (COLLECTION,),
    "ip addresses of website visitors are not tracked": (COLLECTION,),
    "the cookies used by this service do not contain information that would personally identify you": (COLLECTION,),
    "the service collects many different types of personal data": (COLLECTION,),
    "the service may collect extra data about you through promotions": (COLLECTION,),
    "the service may use tracking pixels, web beacons, browser fingerprinting, and/or device fingerprinting on "
    "users.": (COLLECTION,),
    "the service provides details about what kinds of personal information they collect": (COLLECTION,),
    "the service provides information about how they collect personal data": (COLLECTION,),
    "the service provides information about how they intend to use your personal data": (COLLECTION,),
    "the service provides a complete list of all cookies set by its website": (COLLECTION,),
    "the service uses your personal data for advertising": (COLLECTION,),
    "the service does not index or open files that you upload": (COLLECTION,),
    "they store data on you even if you did not interact with the service": (COLLECTION,),
    "this service can read your private messages": (COLLECTION,),
    "this service can view your browser history": (COLLECTION,),
    "this service collects your ip address for location use": (COLLECTION,),
    "this service does not collect, use, or share location data": (COLLECTION,),
    "this service does not track you": (COLLECTION,),
    "this service gathers information about you through third parties": (COLLECTION,),
    "this service may collect, use, and share location data": (COLLECTION,),
    "this service may use your personal information for marketing purposes": (COLLECTION,),
    "this service only uses temporary session cookies": (COLLECTION,),
    "this service receives your location through gps coordinates": (COLLECTION,),
    "this service requires first-party cookies": (COLLECTION,),
    "this service tracks which web page referred you to it": (COLLECTION,),
    "this service tracks you on other websites": (COLLECTION,),
    "this service uses your personal information for many different purposes": (COLLECTION,),
    "tracking pixels are used in service-to-user communication": (COLLECTION,),
    "your biometric data is collected": (COLLECTION,),
    "your personal data is aggregated into statistics": (COLLECTION,),
    "your personal data is used for limited purposes": (COLLECTION,),
    "your profile is combined across various products": (COLLECTION,),
    "users can access most of the pages on the service's website without revealing any personal information": (
        COLLECTION,
    ),
    # Who else receives or collects it: service providers, advertisers, buyers, governments.
    "many third parties are involved in operating the service": (SHARING,),
    "third parties may be involved in operating the service": (SHARING,),
    "only aggregate data is given to third parties": (SHARING,),
    "the service can sell or otherwise transfer your personal data as part of a bankruptcy proceeding or other type "
    "of financial transaction.": (SHARING,),
    "promises will be kept after a merger or acquisition": (SHARING,),
    "the service does not share user information with third parties": (SHARING,),
    "the service does not use third-party analytics or tracking platforms": (SHARING,),
    "the service is transparent regarding government requests or inquiries that may involve user data.": (SHARING,),
    "the service is not transparent regarding government requests or inquiries that may involve user data.": (SHARING,),
    "the service promises to inform and/or notify users regarding government inquiries that may involve users' "
    "personal data": (SHARING,),
    "the service will only respond to government requests that are reasonable": (SHARING,),
    "the service will resist legal requests for user information where reasonably possible": (SHARING,),
    "the service will not allow third parties to access your personal information without a legal basis": (SHARING,),
    "the service warns you of the potential consequences related to third-party access": (SHARING,),
    "the service uses your personal data to employ targeted third-party advertising": (SHARING,),
    "the service uses social media cookies/pixels": (SHARING,),
    "third parties used by the service are bound by confidentiality obligations": (SHARING,),
    "this service can share your personal information to third parties": (SHARING,),
    "this service does not sell your personal data": (SHARING,),
    "this service only shares user information with third parties when given specific consent": (SHARING,),
    "this service reserves the right to disclose your personal information without notifying you": (SHARING,),
    "this service uses third-party cookies for statistics": (SHARING,),
    "tracking via third-party cookies for other purposes without your consent.": (SHARING,),
    "your personal data is given to third parties": (SHARING,),
    "the service may sell your data unless you opt out": (SHARING, CHOICE),
    # What the visitor can choose: opt-outs, cookie controls.
    "blocking first party cookies may limit your ability to use the service": (CHOICE,),
    "tracking cookies refused will not limit your ability to use the service": (CHOICE,),
    "this service employs third-party cookies, but with opt-out instructions": (CHOICE,),
    "the service allows you to opt out of providing personal information to third parties": (CHOICE,),
    "the service explains how to prevent disclosure of personal information to third parties": (CHOICE,),
    "you can opt out of promotional communications": (CHOICE,),
    "you cannot opt out of promotional communications": (CHOICE,),
    "you can opt out of targeted advertising": (CHOICE,),
    "you can limit how your information is used by third-parties and the service": (CHOICE,),
    "you can choose with whom you share content": (CHOICE,),
    # Seeing, correcting, exporting and deleting one's data.
    "you can request access and deletion of personal data": (ACCESS,),
    "this service allows you to retrieve an archive of your data": (ACCESS,),
    "this service provides a way for you to export your data": (ACCESS,),
    "you can delete your content from this service": (ACCESS,),
    "you cannot delete your account of this service": (ACCESS,),
    "you cannot delete your contributions, but it makes sense for this service": (ACCESS,),
    "inconvenient process for obtaining personal data": (ACCESS,),
    "this service may keep personal data after a request for erasure for business interests or legal obligations": (
        ACCESS,
        RETENTION,
    ),
    # How long data is kept.
    "the service's data retention period is kept to the minimum necessary for fulfilling its purposes": (RETENTION,),
    "this service keeps user logs for an undefined period of time": (RETENTION,),
    "user logs are deleted after a finite period of time": (RETENTION,),
    "only necessary user logs are kept by the service to ensure quality": (RETENTION,),
    "this service holds onto content that you've deleted": (RETENTION,),
    "the service may keep a secure, anonymized record of users' data for analytical purposes even after the data "
    "retention period": (RETENTION,),
    "this service will continue using anonymized user-generated content even after erasure of personal information": (
        RETENTION,
    ),
    "the service deletes tracking data after a period of time and allows you to opt out": (RETENTION, CHOICE),
    # How it is protected.
    "the user is informed about security practices": (SECURITY,),
    "the service provides two factor authentification for your account": (SECURITY,),
    "the services will notify users if personal data has been affected by data breaches": (SECURITY,),
    '"goodreads will notify you if your personal information gets stolen"-good-undefined': (SECURITY,),
    "this service assumes no liability for unauthorized access to your personal information": (SECURITY,),
    "user-generated content is encrypted, and this service cannot decrypt it": (SECURITY,),
    "you are responsible for maintaining the security of your account and for the activities on your account": (
        SECURITY,
    ),
    "your private content may be accessed by people working for the service": (SECURITY,),
    # How the terms change and how users hear of it.
    "terms may be changed any time at their discretion, without notice to the user": (CHANGE,),
    "conditions may change, but your continued acceptance is not inferred from an earlier acceptance": (CHANGE,),
    "the service may change its terms at any time, but the user will receive notification of the changes.": (CHANGE,),
    "the service makes critical changes to its terms without user involvement": (CHANGE,),
    "the service reviews its privacy policy on a regular basis": (CHANGE,),
    "this service provides archives of their terms of service so that changes can be viewed over time": (CHANGE,),
    "user feedback is invited regarding changes to the terms.": (CHANGE,),
    "users should revisit the terms periodically, although in case of material changes, the service will notify": (
        CHANGE,
    ),
    "when the service wants to change its terms, users are notified a week or more in advance.": (CHANGE,),
    "when the service wants to make a material change to its terms, users are notified at least 30 days in advance": (
        CHANGE,
    ),
    # Do Not Track.
    "this service ignores the do not track (dnt) header and tracks users anyway even if they set this header.": (DNT,),
    "this service respects your browser's do not track (dnt) headers": (DNT,),
    # Specific audiences (children, by age) and international transfers.
    "this service is only available to users over a certain age": (AUDIENCES,),
    "your data may be processed and stored anywhere in the world": (AUDIENCES,),
    "if the service shares personal information outside of its jurisdiction, it is processed according to the "
    "original jurisdiction's data protection standards": (AUDIENCES,),
    # Introductions, dates, pointers, contact and complaint routes, and terms-of-service clauses.
    "there is a date of the last update of the terms": (OTHER,),
    "the service informs users that its privacy policy does not apply to third party websites": (OTHER,),
    "the service refers users to external documents for more information": (OTHER,),
    "the policy refers to documents that are missing or unfindable": (OTHER,),
    "this service employs separate policies for different parts of the service": (OTHER,),
    "the service provides a complaint mechanism for the handling of personal data": (OTHER,),
    "the service provides a free help desk": (OTHER,),
    "the terms for this service are easy to read": (OTHER,),
    "the terms for this service are translated into different languages": (OTHER,),
}

# Terms-of-service cases: none describes a privacy practice, so all are `other`. Kept as a list of the words
# that mark them rather than one entry each: liability, warranties, licences of content, disputes, accounts.
TERMS_MARKERS = (
    "liab",
    "warrant",
    "indemnif",
    "harmless",
    "as is",
    "arbitration",
    "class action",
    "court of law",
    "copyright",
    "license",
    "licence",
    "moral rights",
    "refund",
    "waiver",
    "invalidity",
    "suspend",
    "suspension",
    "terminate",
    "delete your account without",
    "delete specific content",
    "delete your content if",
    "content may be removed",
    "pseudonym",
    "legal name",
    "prohibit",
    "users agree",
    "users shall not",
    "scrape",
    "spidering",
    "re-register",
    "alternative accounts",
    "guarantee",
    "stop providing the service",
    "leave this service",
    "ownership of your data",
    "become the owner",
    "suggestions",
    "distribute your content",
    "use your content",
    "non-exclusive use",
    "takes credit",
    "throttles",
    "fines",
    "censor",
    "intervene",
    "disputes",
    "expectations",
    "legal action",
    "comply with the law",
    "individual use",
    "individually",
    "charge a credit card",
    "applicable rules",
    "no need to register",
    "must create an account",
    "condone",
    "maintenance",
    "quote their content",
    "choose the copyright",
    "choose the type of copyright",
    "free license",
    "free software",
    "negative opinions",
    "political",
    "responsible for claims",
    "downloading materials",
    "linked or (clearly) quoted",
    "contents of links",
    "help desk",
    "30 days of notice before closing",
    "accessibility to this service",
    "cannot distribute or disclose your account",
    "lower charges",
    "ethical, social",
    "risk of publishing",
    "very broad",
    "survives termination",
    "disables software",
    "private messages",  # "prohibits public posting of private messages"; the read-messages case is listed above
    "identity is used in ads",
    "pro accounts",
    "retains rights",
    "usernames",
)


def practices_for_case(case: str | None) -> tuple[str, ...]:
    """The practice codes a ToS;DR case stands for; () for an unknown or empty case."""
    key = " ".join((case or "").lower().split())
    if not key:
        return ()
    if key in CASES:
        return CASES[key]
    if any(marker in key for marker in TERMS_MARKERS):
        return (OTHER,)
    return ()
