"""The card contract's vocabularies (../shared/spec/cards.md), in the spec's order.

One place for every code list, so the extractors, the validator and the pages agree.
"""

from __future__ import annotations

COLLECTED = (
    "contact",
    "account",
    "government_id",
    "financial",
    "demographic",
    "professional",
    "location",
    "device",
    "online_activity",
    "cookies",
    "purchases",
    "communications",
    "user_content",
    "audio_visual",
    "inferences",
    "health",
    "sensitive",
    "social_media",
    "biometric",
)
SOURCES = ("you", "automatic", "third_parties")
RECIPIENTS = (
    "service_providers",
    "affiliates",
    "advertisers",
    "marketing_partners",
    "analytics",
    "social_media",
    "financing_providers",
    "law_enforcement",
    "business_transfer",
    "public",
)
PURPOSES = ("advertising", "marketing", "analytics", "service", "security", "legal", "personalization", "other")
CHOICES = (
    "opt_out_marketing",
    "opt_out_sale",
    "opt_out_targeted_ads",
    "opt_out_profiling",
    "cookie_controls",
    "analytics_opt_out",
    "global_privacy_control",
    "access",
    "correction",
    "deletion",
    "portability",
    "appeal",
    "authorized_agent",
)
HOW_KINDS = ("link", "email", "phone", "web_form", "account_settings", "browser", "mail")
CONTACT_KINDS = ("email", "phone", "postal", "url")
PRACTICES = (
    "first_party_collection",
    "third_party_sharing",
    "user_choice",
    "user_access",
    "data_retention",
    "data_security",
    "policy_change",
    "do_not_track",
    "specific_audiences",
    "other",
)
