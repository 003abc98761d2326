"""Our own line icons, drawn on a 24-unit grid and stroked in the current text colour.

Every icon is decorative next to a text label, so the markup hides it from screen readers.
"""

from __future__ import annotations

import functools

PATHS: dict[str, str] = {
    # collected data types
    "contact": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 7l9 6 9-6"/>',
    "account": '<circle cx="12" cy="8" r="4"/><path d="M4 21c1-4 4-6 8-6s7 2 8 6"/>',
    "government_id": '<rect x="2" y="5" width="20" height="14" rx="2"/><circle cx="8" cy="12" r="2.5"/>'
    '<path d="M13 10h6M13 14h4"/>',
    "financial": '<rect x="2" y="5" width="20" height="14" rx="2"/><path d="M2 10h20M6 15h4"/>',
    "demographic": '<circle cx="8" cy="8" r="3"/><circle cx="17" cy="9" r="2.5"/>'
    '<path d="M2 20c.5-3.5 3-5.5 6-5.5s5.5 2 6 5.5M14 15c3 0 5.5 1.5 6.5 5"/>',
    "professional": '<rect x="3" y="7" width="18" height="13" rx="2"/><path d="M9 7V5h6v2M3 12h18"/>',
    "location": '<path d="M12 21s7-6.5 7-12a7 7 0 0 0-14 0c0 5.5 7 12 7 12z"/><circle cx="12" cy="9" r="2.5"/>',
    "device": '<rect x="6" y="2" width="12" height="20" rx="2"/><path d="M11 18h2"/>',
    "online_activity": '<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18"/>',
    "cookies": '<path d="M20.5 12.5A8.5 8.5 0 1 1 11.5 3.5a3 3 0 0 0 4 4 3 3 0 0 0 5 5z"/>'
    '<path d="M8 10h.01M9 15h.01M14 15h.01"/>',
    "purchases": '<path d="M3 4h3l2.5 11h10L21 8H7"/><circle cx="10" cy="19.5" r="1.5"/><circle cx="17" cy="19.5" r="1.5"/>',  # noqa: E501
    "communications": '<path d="M4 5h16v11H9l-5 4z"/><path d="M8 9h8M8 12h5"/>',
    "user_content": '<path d="M4 20h4L19 9l-4-4L4 16z"/><path d="M13 7l4 4"/>',
    "audio_visual": '<rect x="3" y="6" width="18" height="13" rx="2"/><circle cx="12" cy="12.5" r="3.5"/><path d="M8 6l1.5-2h5L16 6"/>',  # noqa: E501
    "inferences": '<circle cx="11" cy="11" r="6"/><path d="M15.5 15.5L21 21M9 11h4M11 9v4"/>',
    "health": '<path d="M12 20s-8-5-8-11a4.5 4.5 0 0 1 8-2.5A4.5 4.5 0 0 1 20 9c0 6-8 11-8 11z"/><path d="M9 11h6M12 8v6"/>',  # noqa: E501
    "sensitive": '<path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z"/><path d="M12 8v5M12 16h.01"/>',
    "social_media": '<circle cx="6" cy="12" r="2.5"/><circle cx="18" cy="6" r="2.5"/><circle cx="18" cy="18" r="2.5"/>'
    '<path d="M8.2 10.8l7.6-3.6M8.2 13.2l7.6 3.6"/>',
    "biometric": '<path d="M7 18c-1.5-2-2-4-2-6a7 7 0 0 1 14 0v1M9.5 20c-1-2-1.5-4-1.5-7a4 4 0 0 1 8 0c0 2 0 4-.5 6'
    'M12 13c0 3 .5 5 1.5 8"/>',
    # recipients
    "service_providers": '<path d="M14.5 6.5a4 4 0 0 0-5 5L4 17l3 3 5.5-5.5a4 4 0 0 0 5-5l-2.5 2.5-3-3z"/>',
    "affiliates": '<rect x="3" y="10" width="7" height="11"/><rect x="12" y="3" width="9" height="18"/>'
    '<path d="M15 7h3M15 11h3M15 15h3M6 14h1M6 17h1"/>',
    "advertisers": '<path d="M3 10v4h3l7 5V5L6 10z"/><path d="M17 9a4 4 0 0 1 0 6M19.5 6.5a8 8 0 0 1 0 11"/>',
    "marketing_partners": '<path d="M4 6h16v12H4z"/><path d="M4 6l8 6 8-6"/><path d="M16 3l4 3"/>',
    "analytics": '<path d="M4 20V10M10 20V4M16 20v-7M22 20H2"/>',
    "financing_providers": '<path d="M3 10l9-6 9 6M5 10v8M10 10v8M14 10v8M19 10v8M3 21h18"/>',
    "law_enforcement": '<path d="M12 3v18M5 7h14M5 7l-3 7a3 3 0 0 0 6 0zM19 7l-3 7a3 3 0 0 0 6 0zM8 21h8"/>',
    "business_transfer": '<path d="M4 8h13l-3-3M20 16H7l3 3"/>',
    "public": '<circle cx="12" cy="12" r="3"/><path d="M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z"/>',
    # interface
    "yes": '<path d="M5 12.5l4.5 4.5L19 7"/>',
    "no": '<path d="M6 6l12 12M18 6L6 18"/>',
    "unknown": '<circle cx="12" cy="12" r="9"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7M12 17h.01"/>',
    "warning": '<path d="M12 3l10 18H2z"/><path d="M12 10v5M12 18h.01"/>',
    "email": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 7l9 6 9-6"/>',
    "phone": '<path d="M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 3 5a2 2 0 0 1 2-2z"/>',
    "link": '<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/>',  # noqa: E501
    "postal": '<path d="M3 10l9-6 9 6v10H3z"/><path d="M9 20v-6h6v6"/>',
    "url": '<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18"/>',
    "web_form": '<rect x="4" y="3" width="16" height="18" rx="2"/><path d="M8 8h8M8 12h8M8 16h4"/>',
    "account_settings": '<circle cx="12" cy="12" r="3"/><path d="M12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2'
    'M5 19l2-2M17 7l2-2"/>',
    "browser": '<rect x="3" y="4" width="18" height="16" rx="2"/><path d="M3 9h18M6 6.5h.01M9 6.5h.01"/>',
    "mail": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 7l9 6 9-6"/>',
    "search": '<circle cx="11" cy="11" r="7"/><path d="M16 16l5 5"/>',
    "quote": '<path d="M9 7H5v5h4v1a3 3 0 0 1-3 3M19 7h-4v5h4v1a3 3 0 0 1-3 3"/>',
    "clock": '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>',
    "document": '<path d="M6 2h8l5 5v15H6z"/><path d="M14 2v5h5M9 13h7M9 17h7"/>',
    "compare": '<rect x="3" y="4" width="7" height="16" rx="1"/><rect x="14" y="4" width="7" height="16" rx="1"/>',
    "history": '<path d="M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5M12 7v5l3 2"/>',
    "shield": '<path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z"/><path d="M8.5 12l2.5 2.5 4.5-5"/>',
    "child": '<circle cx="12" cy="6" r="3"/><path d="M8 21v-6l-2-3 6-2 6 2-2 3v6M12 15v6"/>',
    "globe": '<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18"/>',
    "bell": '<path d="M6 17V11a6 6 0 0 1 12 0v6l2 2H4zM10 21h4"/>',
    "archive": '<rect x="3" y="4" width="18" height="4"/><path d="M5 8v12h14V8M10 12h4"/>',
    "eye_off": '<path d="M3 3l18 18M10.5 6.2A9 9 0 0 1 12 6c6 0 10 6 10 6a17 17 0 0 1-3.2 3.7M6.6 7.6C3.8 9.3 2 12 2 12'
    's4 6 10 6a9 9 0 0 0 4.4-1.1"/>',
    "book": '<path d="M4 4h6a3 3 0 0 1 3 3v14a2.5 2.5 0 0 0-2.5-2.5H4zM20 4h-6a3 3 0 0 0-1 .2M20 4v14.5h-6.5"/>',
    "sell": '<path d="M3 12V4h8l10 10-8 8z"/><circle cx="7.5" cy="8.5" r="1.5"/>',
    "delete": '<path d="M4 7h16M9 7V4h6v3M6 7l1 14h10l1-14"/>',
    "signal": '<path d="M5 12.5a10 10 0 0 1 14 0M8 15.5a6 6 0 0 1 8 0M12 19h.01M2 9.5a14 14 0 0 1 20 0"/>',
}

# Codes from a newer parser that we have no picture for fall back to this.
FALLBACK = '<circle cx="12" cy="12" r="3"/>'


def svg(name: str, extra_class: str = "") -> str:
    """A reference to the page's sprite: each drawing is sent once per page, not once per use."""
    # Only known names reach the markup: codes come from parsed documents.
    known = name if name in PATHS else "other"
    classes = f"icon {extra_class}".strip()
    return f'<svg class="{classes}" aria-hidden="true"><use href="#i-{known}"></use></svg>'


@functools.cache  # the same drawings on every page
def sprite() -> str:
    symbols = "".join(
        f'<symbol id="i-{name}" viewBox="0 0 24 24">{body}</symbol>'
        for name, body in [*PATHS.items(), ("other", FALLBACK)]
    )
    return (
        '<svg class="icon-sprite" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" '
        f'stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">{symbols}</svg>'
    )
