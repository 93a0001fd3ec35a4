"""An XML parser that never fetches, never expands entities, and refuses DTD entity declarations."""

from __future__ import annotations

import re

from lxml import etree

#: No network, no DTD loading, no entity expansion, no huge trees: XXE and billion laughs fail.
SAFE_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_blank_text=False,
)

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)


def entity_declaration_problem(prolog: bytes) -> str | None:
    """Why a document prolog is refused (it declares entities), or None when it is safe.

    An external DTD reference, as PubMed writes, is allowed: it is never fetched.

    >>> entity_declaration_problem(b'<!DOCTYPE a [<!ENTITY x "y">]>')
    'the DTD declares entities (refused: entity expansion and external entities are off)'
    >>> entity_declaration_problem(b'<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD" "pubmed.dtd">') is None
    True
    """
    if _ENTITY_DECLARATION.search(prolog):
        return "the DTD declares entities (refused: entity expansion and external entities are off)"
    return None


def parse_fragment(data: bytes) -> etree._Element:
    """Parse one XML element safely; raises lxml.etree.XMLSyntaxError on bad XML."""
    return etree.fromstring(data, SAFE_PARSER)
