"""Understanding: entities in zh/en/de messages, behind the `ownlive extract` contract.

    from ownlive.understand import extract
    result = extract("明天晚上7点在南京西路1266号见", sent_at=..., lang=None)
    result.lang, [e.to_json() for e in result.entities]

Modules: `doc` (the message being read), `lang` (language detection),
`registry` (the @extractor decorator and the plugin hook), `pipeline`
(assembly, fast path, overlap resolution), `extractors/` (one module or
package per entity type).
"""

from ownlive.understand.doc import Doc, Entity, Extraction
from ownlive.understand.pipeline import extract

__all__ = ["Doc", "Entity", "Extraction", "extract"]
